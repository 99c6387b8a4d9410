namespace Quiz.Core.Tournaments;

/// <summary>Topics of <see cref="Messaging.NoticePayload"/> that tournaments write to the outbox (subject = tournament id).</summary>
public static class TournamentNotices
{
    /// <summary>The tournament a player joined has started: play now.</summary>
    public const string Started = "tournament.started";

    /// <summary>The tournament is over: the player's place and reward.</summary>
    public const string Result = "tournament.result";

    /// <summary>The tournament was cancelled: the entry ticket (if any) is back in the player's account.</summary>
    public const string Cancelled = "tournament.cancelled";
}

/// <summary>
/// A tournament as players and the console list it, with the asking player's part in it
/// (<see cref="AttemptOpen"/>: their game has started and is not over yet).
/// </summary>
public sealed record TournamentSummary(
    Guid Id, string Title, TournamentState State, TournamentEntryFee EntryFee, int QuestionCount,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Entrants, bool Joined, bool Played, bool AttemptOpen = false);

public enum JoinOutcome
{
    Joined,
    AlreadyJoined,
    NotFound,
    Closed,
    NoTicket,

    /// <summary>An operator cancelled the tournament.</summary>
    Cancelled,
}

public sealed record JoinResult(JoinOutcome Outcome, TournamentSummary? Tournament = null, bool TicketUsed = false);

/// <summary>What entering did: the join (null when the player was already in) and the attempt (null when there is none to play now).</summary>
public sealed record EntryResult(JoinResult? Joined, PlayResult? Play);

public enum PlayOutcome
{
    Started,
    NotFound,
    NotJoined,
    NotStarted,
    AlreadyPlayed,
    Over,

    /// <summary>The player's attempt in another tournament is still running.</summary>
    OtherTournamentInProgress,

    /// <summary>An operator cancelled the tournament.</summary>
    Cancelled,
}

public sealed record PlayResult(PlayOutcome Outcome, Guid? SessionId = null, TournamentSummary? Tournament = null);

/// <summary>One line of a tournament ranking.</summary>
public sealed record StandingLine(int Rank, long PlayerId, string FirstName, int Points, int CorrectAnswers, long TotalAnswerMs, bool Finished, string? Reward);

/// <summary>One question of a finished tournament with its answer, for the result notice.</summary>
public sealed record TournamentSolution(string Question, string Answer, string Explanation);

/// <summary>Top lines plus the asking player's own line (null when they have not answered yet); final once the tournament finished.</summary>
public sealed record TournamentStandings(TournamentSummary Tournament, IReadOnlyList<StandingLine> Top, StandingLine? Own, int Ranked, bool Final);

/// <summary>A tournament as its notices name it.</summary>
public sealed record TournamentHeading(Guid Id, string Title, TournamentState State, int QuestionCount, DateTimeOffset EndsAt)
{
    /// <summary>The tiers it pays (its own or the defaults): the result notice names what a tier granted.</summary>
    public IReadOnlyList<RewardTier> RewardTiers { get; init; } = TournamentRewards.All;
}

public enum TransitionOutcome
{
    Changed,
    NotFound,
    /// <summary>The tournament is not in the state this step starts from: a second caller, or too early — nothing changed.</summary>
    NoChange,
    NoQuestions,
}

/// <summary>
/// What an operator enters for a new tournament. <see cref="RewardTiers"/> null: a new one pays the default tiers,
/// an edit keeps the tiers it has.
/// </summary>
public sealed record TournamentDraft(
    string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, TournamentEntryFee EntryFee, int QuestionCount,
    IReadOnlyList<RewardTier>? RewardTiers = null);
