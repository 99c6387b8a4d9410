namespace Quiz.Core.Economy.Reconciliation;

/// <param name="Steps">Steps done (each reads a bounded number of Telegram's pages).</param>
/// <param name="StartOffset">Position in Telegram's list where the run began; <paramref name="NextOffset"/> where it stands.</param>
public sealed record ReconciliationRunRow(
    Guid Id,
    string RequestedBy,
    string? DayKey,
    DateTimeOffset RequestedAt,
    ReconciliationStatus Status,
    DateTimeOffset? CompletedAt,
    int TransactionCount,
    int DifferenceCount,
    string? Error,
    int Steps,
    int StartOffset,
    int NextOffset);

/// <param name="Offset">Transactions of Telegram's list compared and settled; the next run starts here.</param>
/// <param name="LastDate">Telegram's date of the last of them.</param>
public sealed record ReconciliationCursorRow(int Offset, DateTimeOffset? LastDate, DateTimeOffset? UpdatedAt);

/// <param name="PlayerName">The first name of the player with <paramref name="TelegramUserId"/>, if the bot knows them.</param>
public sealed record ReconciliationAlertRow(
    long Id,
    Guid RunId,
    DifferenceKind Kind,
    string ChargeId,
    long? TelegramUserId,
    string? PlayerName,
    string? Username,
    Guid? PurchaseId,
    int? TelegramAmount,
    int? RecordedAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Note);

public enum AlertResolveOutcome
{
    Resolved,

    /// <summary>Someone resolved it before; nothing changed.</summary>
    AlreadyResolved,
    NotFound,

    /// <summary>The note is missing or too long (see <see cref="AlertResolveResult.Problem"/>); nothing was written.</summary>
    Invalid,
}

/// <param name="Problem">The rule that was broken, in German, for <see cref="AlertResolveOutcome.Invalid"/>.</param>
public sealed record AlertResolveResult(AlertResolveOutcome Outcome, string? Problem = null);

/// <param name="Started">False when a run was still under way: <paramref name="Run"/> is that one, no new run was requested.</param>
public sealed record RunNowResult(ReconciliationRunRow Run, bool Started);
