using Quiz.Core.Economy;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// successful_payment → ConfirmPurchase (the thank-you comes from the outbox, in the same
/// transaction as the grant); refunded_payment → the refund's completion. Both are idempotent, so
/// Telegram's redeliveries change nothing. A payment that could not be recorded (a failure, or a payer unknown to
/// Core: the Stars are taken and nothing is granted) counts into <c>quiz.bot.payments.failed</c>, the alert's source.
/// </summary>
public sealed class PaymentHandler(PurchaseConfirmation confirmation, Refunds refunds, BotMetrics metrics)
{
    public async Task HandlePaidAsync(long userId, SuccessfulPayment paid, CancellationToken ct)
    {
        try
        {
            var result = await confirmation.ConfirmAsync(new PaymentReceived(
                userId, paid.InvoicePayload, paid.Currency, paid.TotalAmount, paid.TelegramPaymentChargeId, paid.ProviderPaymentChargeId,
                paid.IsRecurring, paid.IsFirstRecurring,
                paid.SubscriptionExpirationDate is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null), ct);
            if (result.Outcome == ConfirmOutcome.UnknownPlayer) metrics.PaymentFailed(PaymentStages.Confirmation);
        }
        catch
        {
            metrics.PaymentFailed(PaymentStages.Confirmation);
            throw;
        }
    }

    public Task HandleRefundedAsync(RefundedPayment refunded, CancellationToken ct) =>
        refunds.CompleteAsync(refunded.TelegramPaymentChargeId, ct);
}
