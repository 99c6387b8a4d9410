namespace Quiz.Core.Economy.Reconciliation;

public enum ReconciliationStatus
{
    /// <summary>Waiting for the bot layer to page through getStarTransactions.</summary>
    Requested,
    Completed,
    Failed,
}

/// <summary>One comparison of Telegram's Star transactions with the recorded purchases.</summary>
public sealed class ReconciliationRun
{
    public const string UniqueDay = "ux_reconciliation_runs_day_key";

    public Guid Id { get; set; }

    /// <summary><c>worker</c> for the daily run, otherwise the console user.</summary>
    public string RequestedBy { get; set; } = "";

    /// <summary>The Berlin day of a scheduled run (one per day); null for runs on demand.</summary>
    public string? DayKey { get; set; }
    public ReconciliationStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int TransactionCount { get; set; }
    public int DifferenceCount { get; set; }
    public string? Error { get; set; }
}

public enum DifferenceKind
{
    /// <summary>Telegram has a payment the bot never recorded (its successful_payment was lost).</summary>
    PaymentWithoutPurchase,

    /// <summary>A recorded purchase that Telegram does not list.</summary>
    PurchaseWithoutPayment,

    /// <summary>Telegram's amount differs from the recorded one.</summary>
    AmountMismatch,

    /// <summary>Telegram refunded a payment that is not recorded as refunded.</summary>
    RefundNotRecorded,

    /// <summary>Recorded as refunded, but Telegram lists no refund.</summary>
    RefundMissingAtTelegram,
}

/// <summary>A difference found by a run: shown to operators until one of them resolves it.</summary>
public sealed class ReconciliationAlert
{
    public const string UniqueOpen = "ux_reconciliation_alerts_open";

    public long Id { get; set; }
    public Guid RunId { get; set; }
    public DifferenceKind Kind { get; set; }
    public string ChargeId { get; set; } = "";
    public long? TelegramUserId { get; set; }
    public Guid? PurchaseId { get; set; }
    public int? TelegramAmount { get; set; }
    public int? RecordedAmount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Note { get; set; }
}

/// <summary>A Star transaction as the bot layer read it from getStarTransactions (Telegram-free).</summary>
/// <param name="Id">Telegram's transaction id: the payment's charge id, also for its refund.</param>
/// <param name="IsRefund">A refund to a user (receiver), not a payment from one (source).</param>
public sealed record StarTransactionRecord(string Id, int Amount, DateTimeOffset Date, bool IsRefund, long? UserId, string? Payload);

/// <summary>Payload of the outbox command that asks the bot layer to fetch the transactions for a run.</summary>
public sealed record ReconcileCommand(Guid RunId);
