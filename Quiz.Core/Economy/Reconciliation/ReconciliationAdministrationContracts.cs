namespace Quiz.Core.Economy.Reconciliation;

public sealed record ReconciliationRunRow(
    Guid Id,
    string RequestedBy,
    string? DayKey,
    DateTimeOffset RequestedAt,
    ReconciliationStatus Status,
    DateTimeOffset? CompletedAt,
    int TransactionCount,
    int DifferenceCount,
    string? Error);

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

/// <param name="Started">False when a run was still waiting for the bot: <paramref name="Run"/> is that one, no new run was requested.</param>
public sealed record RunNowResult(ReconciliationRunRow Run, bool Started);
