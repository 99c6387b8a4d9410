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

/// <summary>The refund's request (purchase columns) and its command in the outbox, if any.</summary>
public sealed record RefundProgress(
    RefundStage Stage,
    string? Reason,
    string? RequestedBy,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? RefundedAt,
    OutboxState? CommandState,
    int Attempts,
    string? LastError,
    DateTimeOffset? ProcessedAt);

/// <summary>An audit entry about the purchase (who did what, when).</summary>
public sealed record AuditRow(DateTimeOffset At, string Actor, string Action, string? Details);

public sealed record PurchaseDetail(PurchaseRow Purchase, RefundProgress Refund, IReadOnlyList<LedgerRow> Ledger, IReadOnlyList<AuditRow> History);

public enum RefundRequestOutcome
{
    Requested,
    AlreadyRequested,
    AlreadyRefunded,
    NotFound,

    /// <summary>The reason is missing or too long; nothing was written.</summary>
    InvalidReason,

    /// <summary>The database refused the request (today: a flagged payment, see <see cref="PurchaseSearch.RequestRefundAsync"/>); nothing was written.</summary>
    Refused,
}
