namespace Quiz.Core.Economy;

public enum PurchaseStatus
{
    /// <summary>Paid and granted.</summary>
    Completed,

    /// <summary>Paid, but it did not match its invoice: nothing granted, shown to operators to refund.</summary>
    Flagged,

    /// <summary>An operator asked for a refund; the bot layer is executing it.</summary>
    RefundRequested,
    Refunded,

    /// <summary>Telegram refused the refund for good (<see cref="Purchase.RefundFailure"/>): an alert for operators, who may retry it.</summary>
    RefundFailed,
}

/// <summary>A Stars payment Telegram confirmed. At most one per <see cref="TelegramPaymentChargeId"/>.</summary>
public sealed class Purchase
{
    public const string UniqueCharge = "ux_purchases_telegram_payment_charge_id";

    public Guid Id { get; set; }
    public Guid? InvoiceId { get; set; }
    public long PlayerId { get; set; }
    public string? PackageId { get; set; }
    public int AmountStars { get; set; }
    public string Currency { get; set; } = Package.Currency;
    public string TelegramPaymentChargeId { get; set; } = "";
    public string? ProviderPaymentChargeId { get; set; }
    public bool IsRecurring { get; set; }
    public DateTimeOffset? SubscriptionExpiresAt { get; set; }

    /// <summary>The player stopped the renewal of the subscription this payment belongs to (editUserStarSubscription).</summary>
    public DateTimeOffset? SubscriptionCanceledAt { get; set; }
    public PurchaseStatus Status { get; set; }
    public string? FlagReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? RefundReason { get; set; }
    public string? RefundRequestedBy { get; set; }
    public DateTimeOffset? RefundRequestedAt { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>0 for the first request, +1 per retry: each attempt is its own outbox command (<see cref="Refunds.CommandKey"/>).</summary>
    public int RefundAttempt { get; set; }

    /// <summary>Telegram's description of its refusal while <see cref="PurchaseStatus.RefundFailed"/>.</summary>
    public string? RefundFailure { get; set; }
    public DateTimeOffset? RefundFailedAt { get; set; }

    /// <summary>An operator acknowledged the failed refund without retrying it: the console's alert is closed, the state stays.</summary>
    public DateTimeOffset? RefundFailureResolvedAt { get; set; }
    public string? RefundFailureResolvedBy { get; set; }

    /// <summary>When reconciliation first read this payment in Telegram's list (null: not seen there yet).</summary>
    public DateTimeOffset? TelegramListedAt { get; set; }

    /// <summary>When reconciliation first read this payment's refund in Telegram's list.</summary>
    public DateTimeOffset? TelegramRefundListedAt { get; set; }
}
