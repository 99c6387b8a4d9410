using Quiz.Core.AntiCheat;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;

namespace Quiz.Core.Operations.Moderation;

/// <summary>
/// One page of the console's "Spieler". <see cref="Search"/> matches the Telegram id or the console's
/// player number exactly, or a part of the first name or username (with or without "@"), case-insensitively
/// (one or two letters: the start of it).
/// </summary>
public sealed record PlayerFilter(string? Search = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <param name="TelegramUserId">Null for a deleted account: its tombstone keeps no Telegram link.</param>
public sealed record PlayerRow(
    long Id,
    long? TelegramUserId,
    string FirstName,
    string? Username,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    bool Banned,
    bool Held,
    bool Deleted,
    int OpenFlags);

/// <param name="Total">Matches counted up to <see cref="PlayerReview.MaxCounted"/>; <paramref name="More"/> says there are more.</param>
public sealed record PlayerSearchResult(IReadOnlyList<PlayerRow> Items, int Total, bool More);

/// <summary>What the player page says about the account itself. A deleted account shows as a tombstone: no name, no Telegram id.</summary>
public sealed record PlayerAccount(
    long Id,
    long? TelegramUserId,
    string FirstName,
    string? Username,
    string? LanguageCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? BlockedBotAt,
    DateTimeOffset? BannedAt,
    string? BanReason,
    DateTimeOffset? RankingHeldAt,
    string? RankingHoldReason,
    DateTimeOffset? DeletedAt)
{
    public bool Deleted => DeletedAt is not null;
}

/// <param name="Points">Sum of the scores of all games.</param>
/// <param name="AverageAnswerMs">Mean time to answer over the answers given (timeouts left out); null without any.</param>
public sealed record PlayerStats(int Games, int FinishedGames, int Answers, int CorrectAnswers, long Points, int? AverageAnswerMs)
{
    /// <summary>Share of correct answers, 0–1; null without answers.</summary>
    public double? Accuracy => Answers == 0 ? null : (double)CorrectAnswers / Answers;
}

/// <param name="AnswerMs">Server time from the question going out to the answer's arrival.</param>
/// <param name="TimedOut">No option chosen: the time ran out.</param>
/// <param name="ReadingMs">The least time a person needs to read question and options and tap (AntiCheat's threshold for this text).</param>
public sealed record AnswerTiming(int Ordinal, int AnswerMs, bool IsCorrect, bool TimedOut, int Points, int ReadingMs, DateTimeOffset At)
{
    /// <summary>Answered before it could have been read.</summary>
    public bool TooFast => !TimedOut && AnswerMs < ReadingMs;
}

public sealed record RecentGame(
    Guid Id,
    GameMode Mode,
    SessionState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Score,
    int CorrectCount,
    IReadOnlyList<AnswerTiming> Answers);

public sealed record PlayerPurchaseRow(
    Guid Id, DateTimeOffset CreatedAt, string? PackageId, string? PackageTitle, int AmountStars, PurchaseStatus Status, string TelegramPaymentChargeId);

public sealed record PlayerLedgerRow(long Id, DateTimeOffset CreatedAt, AssetKind Kind, int Delta, LedgerReason Reason, Guid? PurchaseId);

public sealed record PlayerSupportCase(Guid Id, long Number, SupportCaseStatus Status, DateTimeOffset SubmittedAt, string Text, DateTimeOffset? ClosedAt, string? ClosedBy);

/// <param name="Evidence">The detector's JSON, as stored.</param>
public sealed record PlayerFlagRow(
    long Id,
    FlagKind Kind,
    string Subject,
    int Score,
    string Evidence,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    FlagStatus Status,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? ResolutionNote);

public sealed record PlayerAuditRow(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Details);

/// <summary>Everything the player page shows, each list bounded (<see cref="PlayerReview"/>'s limits), newest first.</summary>
public sealed record PlayerDossier(
    PlayerAccount Account,
    PlayerStats Stats,
    IReadOnlyList<RecentGame> RecentGames,
    IReadOnlyList<PlayerPurchaseRow> Purchases,
    IReadOnlyList<PlayerLedgerRow> Ledger,
    IReadOnlyList<PlayerSupportCase> SupportCases,
    IReadOnlyList<PlayerFlagRow> Flags,
    IReadOnlyList<PlayerAuditRow> Audit);
