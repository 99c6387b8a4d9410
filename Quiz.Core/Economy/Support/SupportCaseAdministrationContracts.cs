namespace Quiz.Core.Economy.Support;

/// <summary>Which cases the console lists; drafts (a description still awaited) never appear.</summary>
public enum SupportCaseView
{
    Open,
    Closed,
    All,
}

/// <summary>
/// One page of the console's support cases. <see cref="Search"/> matches a Telegram id or case
/// number (exactly, "#17" or "17"), a first name or username (part, with or without "@").
/// </summary>
public sealed record SupportCaseFilter(string? Search = null, SupportCaseView View = SupportCaseView.Open, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>A purchase of the case's player, shown next to the case.</summary>
public sealed record SupportPurchase(
    Guid Id,
    string TelegramPaymentChargeId,
    string? PackageId,
    string? PackageTitle,
    int AmountStars,
    PurchaseStatus Status,
    DateTimeOffset CreatedAt);

public sealed record SupportCaseRow(
    Guid Id,
    long Number,
    SupportCaseStatus Status,
    string Text,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? Reply,
    long PlayerId,
    long TelegramUserId,
    string FirstName,
    string? Username,
    IReadOnlyList<SupportPurchase> Purchases);

public sealed record SupportCasePage(IReadOnlyList<SupportCaseRow> Items, int Total);

public enum SupportCloseOutcome
{
    Closed,

    /// <summary>Someone closed it before; nothing changed and no second notice was written.</summary>
    AlreadyClosed,
    NotFound,

    /// <summary>The reply breaks a rule (see <see cref="SupportCloseResult.Problem"/>); nothing was written.</summary>
    Invalid,
}

/// <param name="Problem">The rule that was broken, in German, for <see cref="SupportCloseOutcome.Invalid"/>.</param>
public sealed record SupportCloseResult(SupportCloseOutcome Outcome, string? Problem = null);
