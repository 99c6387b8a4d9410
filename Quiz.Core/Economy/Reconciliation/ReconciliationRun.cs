namespace Quiz.Core.Economy.Reconciliation;

public enum ReconciliationStatus
{
    /// <summary>Running: the bot layer pages through getStarTransactions, one bounded step at a time.</summary>
    Requested,
    Completed,
    Failed,
}

/// <summary>
/// One comparison of Telegram's Star transactions with the recorded purchases, from the
/// reconciliation cursor to the end of Telegram's list, in steps of a bounded number of pages.
/// </summary>
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

    /// <summary>Position in Telegram's list (oldest first) where the run began: the cursor at its request.</summary>
    public int StartOffset { get; set; }

    /// <summary>Where the next step reads.</summary>
    public int NextOffset { get; set; }

    /// <summary>Everything before this position is older than the run's settle cutoff and compared: the cursor moves here.</summary>
    public int SettledOffset { get; set; }

    /// <summary>Steps done; the next step's command carries this number.</summary>
    public int Steps { get; set; }
    public DateTimeOffset? LastStepAt { get; set; }
}

/// <summary>
/// The last reconciled point (one row): Telegram's list is oldest-first and append-only, so every
/// transaction before <see cref="Offset"/> was compared by some run and was settled when it was.
/// A run starts here; young transactions after it are read again by the next run.
/// </summary>
public sealed class ReconciliationCursor
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int Offset { get; set; }

    /// <summary>Telegram's date of the transaction just before <see cref="Offset"/>.</summary>
    public DateTimeOffset? LastDate { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
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
