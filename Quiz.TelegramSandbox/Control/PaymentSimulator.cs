using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Control;

/// <summary>
/// A user paying an invoice with Stars: pre_checkout_query to the bot, up to 10 s for its answer, then
/// the Stars move and the bot gets a message with successful_payment — or the payment fails.
/// </summary>
public sealed class PaymentSimulator(
    SandboxWorld world, PaymentLedger ledger, UpdateQueue queue, SimulatedUsers users,
    IOptions<SandboxOptions> options, TimeProvider time)
{
    public async Task<PayResponse> PayAsync(long userId, PayRequest request, CancellationToken ct)
    {
        var user = users.Get(userId);
        var (terms, invoiceMessage) = FindInvoice(user, request);
        lock (world.Gate)
        {
            if (user.Blocked)
            {
                throw ControlProblem.BadRequest("the user has blocked the bot; unblock first");
            }

            if (user.Stars < terms.Amount)
            {
                return new PayResponse("declined", $"Nicht genug Sterne: {user.Stars} ⭐ vorhanden, {terms.Amount} ⭐ nötig.", null);
            }
        }

        var (queryId, answer) = ledger.OpenPreCheckout();
        var asked = time.GetTimestamp();
        queue.Enqueue(id => new Update(id,
            PreCheckoutQuery: new PreCheckoutQuery(queryId, user.ToWire(), terms.Currency, terms.Amount, terms.Payload)));

        var window = TimeSpan.FromSeconds(options.Value.PreCheckoutAnswerSeconds);
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            await Task.WhenAny(answer, Task.Delay(window, time, cts.Token));
            await cts.CancelAsync();
        }

        if (!answer.IsCompletedSuccessfully)
        {
            ledger.ClosePreCheckout(queryId);
            ct.ThrowIfCancellationRequested();
            return new PayResponse("timeout", "The bot did not answer the pre-checkout query within 10 seconds.", null);
        }

        var verdict = await answer;
        var preCheckoutMs = Math.Round(time.GetElapsedTime(asked, verdict.AnsweredAt).TotalMilliseconds, 1);
        return (verdict.Ok
            ? Complete(user, terms, invoiceMessage)
            : new PayResponse("declined", verdict.ErrorMessage, null)) with { PreCheckoutMs = preCheckoutMs };
    }

    private (InvoiceTerms Terms, StoredMessage? Message) FindInvoice(SimUser user, PayRequest request)
    {
        if (request.MessageId is { } messageId)
        {
            lock (world.Gate)
            {
                var message = world.FindMessage(user.Id, messageId)
                    ?? throw ControlProblem.BadRequest($"message {messageId} not found in the chat");
                if (message.Invoice is null)
                {
                    throw ControlProblem.BadRequest($"message {messageId} is not an invoice");
                }

                return message.PaidChargeId is null
                    ? (message.Invoice, message)
                    : throw ControlProblem.BadRequest($"invoice {messageId} is already paid");
            }
        }

        if (!string.IsNullOrWhiteSpace(request.InvoiceSlug))
        {
            var terms = ledger.FindLink(request.InvoiceSlug) ?? throw ControlProblem.BadRequest("unknown invoice link");
            return (terms, null);
        }

        throw ControlProblem.BadRequest("messageId or invoiceSlug is required");
    }

    private PayResponse Complete(SimUser user, InvoiceTerms terms, StoredMessage? invoiceMessage)
    {
        Message wire;
        string chargeId;
        lock (world.Gate)
        {
            // Checked again: the balance or the invoice may have changed while the bot was deciding.
            if (user.Stars < terms.Amount || invoiceMessage?.PaidChargeId is not null)
            {
                return new PayResponse("declined", "Die Rechnung ist schon bezahlt oder das Guthaben reicht nicht mehr.", null);
            }

            var now = world.Now;
            var payment = ledger.RecordPayment(user.Id, terms, now, user.ToWire());
            chargeId = payment.ChargeId;
            user.Stars -= terms.Amount;
            invoiceMessage?.PaidChargeId = chargeId;
            var subscription = terms.SubscriptionPeriod is not null;
            var successful = new SuccessfulPayment(
                terms.Currency, terms.Amount, terms.Payload, chargeId, payment.ProviderChargeId,
                subscription ? now + terms.SubscriptionPeriod : null,
                subscription ? true : null,
                subscription ? true : null);
            var message = world.AddMessage(user.Id, fromBot: false, m => m.SuccessfulPayment = successful);
            wire = world.ToWire(message);
        }

        queue.Enqueue(id => new Update(id, Message: wire));
        return new PayResponse("paid", null, chargeId);
    }
}
