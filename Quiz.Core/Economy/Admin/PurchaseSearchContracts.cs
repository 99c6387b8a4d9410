using Quiz.Core.Messaging;

namespace Quiz.Core.Economy.Admin;

/// <summary>
/// One page of the console's purchase list. <see cref="Search"/> matches a player's Telegram id
/// (exactly), first name or username (part, with or without "@") or a charge id (part).
/// </summary>
public sealed record PurchaseFilter(string? Search = null, PurchaseStatus? Status = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record PurchaseRow(
    Guid Id,
    DateTimeOffset CreatedAt,
    long PlayerId,
    long TelegramUserId,
    string FirstName,
    string? Username,
    string? PackageId,
    string? PackageTitle,
    int AmountStars,
    PurchaseStatus Status,
    string? FlagReason,
    bool IsRecurring,
    string TelegramPaymentChargeId);

public sealed record PurchasePage(IReadOnlyList<PurchaseRow> Items, int Total);

public sealed record LedgerRow(long Id, DateTimeOffset CreatedAt, AssetKind Kind, int Delta, LedgerReason Reason, string IdempotencyKey);

/// <summary>Where a refund stands, from the console's request to Telegram's confirmation.</summary>
public enum RefundStage
{
    /// <summary>Nobody asked for a refund.</summary>
    None,

    /// <summary>Requested; the bot has not run the command yet (or retries it, see <see cref="RefundProgress.LastError"/>).</summary>
    Pending,

    /// <summary>The bot called refundStarPayment successfully; the completion has not been recorded yet.</summary>
    Sent,

    /// <summary>Telegram refused the refund for good; see <see cref="RefundProgress.LastError"/>.</summary>
    Failed,

    Refunded,
}

/// <summary>
/// The refund's request (purchase columns) and the command of its latest attempt in the outbox, if any.
/// <see cref="Failure"/>: Telegram's description while the refund stands failed; an alert until resolved or retried.
/// </summary>
public sealed record RefundProgress(
    RefundStage Stage,
    string? Reason,
    string? RequestedBy,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? RefundedAt,
    OutboxState? CommandState,
    int Attempts,
    string? LastError,
    DateTimeOffset? ProcessedAt)
{
    /// <summary>0 for the first request, +1 per retry.</summary>
    public int Attempt { get; init; }
    public string? Failure { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? FailureResolvedAt { get; init; }
    public string? FailureResolvedBy { get; init; }

    /// <summary>Telegram refused and no operator has resolved it: the console shows it as an alert.</summary>
    public bool AlertOpen => Stage == RefundStage.Failed && Failure is not null && FailureResolvedAt is null;
}

/// <summary>An audit entry about the purchase (who did what, when).</summary>
public sealed record AuditRow(DateTimeOffset At, string Actor, string Action, string? Details);

public sealed record PurchaseDetail(PurchaseRow Purchase, RefundProgress Refund, IReadOnlyList<LedgerRow> Ledger, IReadOnlyList<AuditRow> History);

public enum RefundRequestOutcome
{
    Requested,
    AlreadyRequested,
    AlreadyRefunded,
    NotFound,

    /// <summary>The last refund stands failed: it is retried (<see cref="RefundAdministration.RetryAsync"/>), not requested anew.</summary>
    FailedBefore,

    /// <summary>The reason is missing or too long; nothing was written.</summary>
    InvalidReason,

    /// <summary>The database refused the request (today: a flagged payment, see <see cref="PurchaseSearch.RequestRefundAsync"/>); nothing was written.</summary>
    Refused,
}

/// <summary>What an operator's retry or resolve of a failed refund did.</summary>
public enum RefundFailureOutcome
{
    Retried,
    Resolved,

    /// <summary>The refund does not stand failed (any more), e.g. a second click: nothing changed.</summary>
    NotFailed,
    AlreadyRefunded,
    NotFound,

    /// <summary>The reason or note is missing or too long; nothing was written.</summary>
    InvalidReason,
}
