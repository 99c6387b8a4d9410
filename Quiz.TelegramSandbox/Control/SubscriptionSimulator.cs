using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Control;

/// <summary>
/// Telegram's side of a Stars subscription: it charges the next period on its own (no pre_checkout_query,
/// the bot only gets successful_payment with is_recurring), and the user may stop and re-enable it without the bot being told.
/// </summary>
public sealed class SubscriptionSimulator(SandboxWorld world, PaymentLedger ledger, UpdateQueue queue, SimulatedUsers users)
{
    public IReadOnlyList<SubscriptionView> List(long userId) => [.. ledger.Subscriptions(users.Get(userId).Id).Select(ToView)];

    /// <summary>Charges the next period unless the chain is not active or the user lacks Stars.</summary>
    public RenewResponse Renew(long userId, SubscriptionRequest request)
    {
        var user = users.Get(userId);
        var chain = Find(user, request);
        Message wire;
        string chargeId;
        lock (world.Gate)
        {
            if (!chain.Active)
            {
                return Canceled();
            }

            var amount = chain.Terms.Amount;
            if (user.Stars < amount)
            {
                return new RenewResponse("declined", $"Nicht genug Sterne: {user.Stars} ⭐ vorhanden, {amount} ⭐ nötig.", null);
            }

            // Checked again under the ledger's lock: the bot or the user may have canceled in between.
            if (ledger.TryRenew(chain.FirstChargeId, world.Now, user.ToWire()) is not { } renewal)
            {
                return Canceled();
            }

            var payment = renewal.Payment;
            chargeId = payment.ChargeId;
            user.Stars -= amount;
            // A renewal is recurring but not the first recurring payment: is_first_recurring stays absent.
            var successful = new SuccessfulPayment(
                chain.Terms.Currency, amount, chain.Terms.Payload, chargeId, payment.ProviderChargeId,
                renewal.Chain.ExpiresAt, IsRecurring: true);
            var message = world.AddMessage(user.Id, fromBot: false, m => m.SuccessfulPayment = successful);
            wire = world.ToWire(message);
        }

        queue.Enqueue(id => new Update(id, Message: wire));
        return new RenewResponse("paid", null, chargeId);
    }

    /// <summary>The user cancels in Telegram's UI: no update reaches the bot.</summary>
    public SubscriptionView CancelByUser(long userId, SubscriptionRequest request)
    {
        var chain = Find(users.Get(userId), request);
        return ToView(ledger.EditSubscription(chain.FirstChargeId, c => c.CancelByUser())!);
    }

    /// <summary>
    /// The user turns renewal back on in Telegram's settings: refused while the bot's cancel holds
    /// (editUserStarSubscription is_canceled=false lifts it). No update reaches the bot.
    /// </summary>
    public SubscriptionView ReenableByUser(long userId, SubscriptionRequest request)
    {
        var chain = Find(users.Get(userId), request);
        var after = ledger.EditSubscription(chain.FirstChargeId, c => c.TryReenableByUser())!;
        return after.Active
            ? ToView(after)
            : throw ControlProblem.BadRequest(
                $"subscription {chain.FirstChargeId} was canceled by the bot; it must allow re-enabling first (editUserStarSubscription is_canceled=false)");
    }

    private SubscriptionSnapshot Find(SimUser user, SubscriptionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ChargeId))
        {
            throw ControlProblem.BadRequest("chargeId is required");
        }

        var payment = ledger.FindPayment(request.ChargeId);
        if (payment is null || payment.UserId != user.Id)
        {
            throw ControlProblem.NotFound($"charge {request.ChargeId} not found for user {user.Id}");
        }

        return ledger.FindSubscription(request.ChargeId)
            ?? throw ControlProblem.BadRequest($"charge {request.ChargeId} is not a subscription payment");
    }

    private static RenewResponse Canceled() => new("canceled", "Das Abo wurde gekündigt.", null);

    private static SubscriptionView ToView(SubscriptionSnapshot c) => new(
        c.FirstChargeId, c.LastChargeId, c.Terms.Amount, c.Terms.Payload, c.ExpiresAt, c.CanceledByBot, c.CanceledByUser, c.Renewals, c.Active);
}
