using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Text;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>Invoices, pre-checkout answers, refunds, subscription edits and the Star transaction list.</summary>
public sealed class PaymentMethods(SandboxWorld world, PaymentLedger ledger, RefundRefusals refusals, UpdateQueue queue, SendRateLimiter limiter)
    : IBotMethodGroup
{
    public void Register(BotMethodRouter router)
    {
        router.Map("sendInvoice", SendInvoice);
        router.Map("createInvoiceLink", p => BotResult.Of("https://t.me/$" + ledger.AddLink(InvoiceRules.Read(p, isLink: true))));
        router.Map("answerPreCheckoutQuery", AnswerPreCheckoutQuery);
        router.Map("refundStarPayment", RefundStarPayment);
        router.Map("editUserStarSubscription", EditUserStarSubscription);
        router.Map("getStarTransactions", p => BotResult.Of(new StarTransactions(
            ledger.Transactions(Math.Max(0, p.Int("offset") ?? 0), Math.Clamp(p.Int("limit") ?? 100, 1, 100)))));
    }

    private BotResult SendInvoice(BotParameters p)
    {
        var user = world.ResolveWritableChat(p.String("chat_id"));
        var terms = InvoiceRules.Read(p, isLink: false);
        var markup = ReplyMarkup.Parse(p.Json("reply_markup"), inlineOnly: true);
        if (markup.Inline is { } inline && !FirstButtonPays(inline))
        {
            // Telegram: "If not empty, the first button must be a Pay button."
            throw ErrorTexts.Rpc("REPLY_MARKUP_BUY_EMPTY");
        }

        limiter.Acquire(user.Id);
        var message = world.AddMessage(user.Id, fromBot: true, m =>
        {
            m.Invoice = terms;
            m.InlineMarkup = markup.Inline;
        });
        return BotResult.Of(world.ToWire(message));
    }

    private BotResult AnswerPreCheckoutQuery(BotParameters p)
    {
        var ok = p.Bool("ok")!.Value;
        var error = p.String("error_message");
        if (!ok && string.IsNullOrEmpty(error))
        {
            throw ErrorTexts.Rpc("ERROR_MESSAGE_EMPTY");
        }

        return ledger.TryAnswerPreCheckout(p.String("pre_checkout_query_id")!, new PreCheckoutAnswer(ok, ok ? null : error))
            ? BotResult.True()
            : throw ErrorTexts.QueryTooOld();
    }

    /// <summary>The user and one of their payments named by user_id and telegram_payment_charge_id.</summary>
    private (SimUser User, PaymentRecord Payment) UserPayment(BotParameters p)
    {
        var userId = p.Long("user_id")!.Value;
        var user = world.FindUser(userId) ?? throw ErrorTexts.Rpc("USER_ID_INVALID");
        var payment = ledger.FindPayment(p.String("telegram_payment_charge_id")!);
        return payment is null || payment.UserId != userId ? throw ErrorTexts.Rpc("CHARGE_NOT_FOUND") : (user, payment);
    }

    /// <summary>
    /// true stops the renewal of the chain the charge belongs to; false only lifts the bot's cancel so the user may
    /// re-enable it in Telegram (renewal stays off until they do). Idempotent.
    /// </summary>
    private BotResult EditUserStarSubscription(BotParameters p)
    {
        var (_, payment) = UserPayment(p);
        Action<SubscriptionChain> change = (p.Bool("is_canceled") ?? false) ? c => c.CancelByBot() : c => c.AllowReenable();
        return ledger.EditSubscription(payment.ChargeId, change) is null
            ? throw ErrorTexts.NotASubscription()
            : BotResult.True();
    }

    private BotResult RefundStarPayment(BotParameters p)
    {
        var (user, payment) = UserPayment(p);
        var chargeId = payment.ChargeId;
        if (refusals.Find(chargeId) is { } refusal)
        {
            throw ErrorTexts.Rpc(refusal);
        }

        if (!ledger.TryRefund(chargeId, world.Now, user.ToWire()))
        {
            throw ErrorTexts.Rpc("CHARGE_ALREADY_REFUNDED");
        }

        var refund = new RefundedPayment(
            payment.Terms.Currency, payment.Terms.Amount, payment.Terms.Payload, payment.ChargeId, payment.ProviderChargeId);
        Message wire;
        lock (world.Gate)
        {
            user.Stars += payment.Terms.Amount;
            // Bot API 10.1: the refund shows up in the user's chat as a service message with refunded_payment.
            var message = world.AddMessage(user.Id, fromBot: false, m => m.RefundedPayment = refund);
            wire = world.ToWire(message);
        }

        queue.Enqueue(id => new Update(id, Message: wire));
        return BotResult.True();
    }

    private static bool FirstButtonPays(JsonObject inline) =>
        inline["inline_keyboard"] is JsonArray { Count: > 0 } rows
        && rows[0] is JsonArray { Count: > 0 } first
        && first[0]?["pay"] is JsonValue pay && pay.TryGetValue(out bool value) && value;
}
