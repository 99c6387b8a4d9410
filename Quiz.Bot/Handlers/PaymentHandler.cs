using Quiz.Core.Economy;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// successful_payment → ConfirmPurchase (the thank-you comes from the outbox, in the same
/// transaction as the grant); refunded_payment → the refund's completion. Both are idempotent, so
/// Telegram's redeliveries change nothing.
/// </summary>
public sealed class PaymentHandler(PurchaseConfirmation confirmation, Refunds refunds)
{
    public Task HandlePaidAsync(long userId, SuccessfulPayment paid, CancellationToken ct) =>
        confirmation.ConfirmAsync(new PaymentReceived(
            userId, paid.InvoicePayload, paid.Currency, paid.TotalAmount, paid.TelegramPaymentChargeId, paid.ProviderPaymentChargeId,
            paid.IsRecurring, paid.IsFirstRecurring,
            paid.SubscriptionExpirationDate is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null), ct);

    public Task HandleRefundedAsync(RefundedPayment refunded, CancellationToken ct) =>
        refunds.CompleteAsync(refunded.TelegramPaymentChargeId, ct);
}
