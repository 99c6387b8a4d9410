namespace Quiz.Core.Tournaments;

/// <summary>PRODUCT.md §5: changed only by the use-cases in <see cref="TournamentLifecycle"/>, each a compare-and-set under the row lock.</summary>
public enum TournamentState
{
    Draft,
    Scheduled,
    Active,
    Finished,
    Rewarded,

    /// <summary>Called off by an operator while SCHEDULED or ACTIVE: no entries, answers or rewards; tickets go back (ADR 0016).</summary>
    Cancelled,
}

/// <summary>The two steps that happen at a planned time.</summary>
public enum TournamentStep
{
    Start,
    Finish,
}

/// <summary>A step still ahead: the worker schedules a Quartz trigger for it.</summary>
public sealed record PlannedStep(Guid TournamentId, TournamentStep Step, DateTimeOffset At);

/// <summary>How a player gets in: free, or by using one Turnier-Ticket.</summary>
public enum TournamentEntryFee
{
    Free,
    Ticket,
}

/// <summary>
/// A scheduled competition: everyone who joined plays the same stored question set once between
/// <see cref="StartsAt"/> and <see cref="EndsAt"/>; the ranking is snapshotted at the end and the
/// reward tiers (its own <see cref="RewardTiers"/>, else <see cref="TournamentRewards.All"/>) are issued once per player.
/// </summary>
public sealed class Tournament
{
    public const int MaxTitleLength = 80;
    public const int MinQuestions = 3;
    public const int MaxQuestions = 30;

    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public TournamentState State { get; set; }
    public TournamentEntryFee EntryFee { get; set; }
    public int QuestionCount { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public Guid? QuestionSetId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? RewardedAt { get; set; }

    /// <summary>Set when the reward step corrected the snapshot and began paying in batches: from then on the snapshot is frozen.</summary>
    public DateTimeOffset? RewardsStartedAt { get; set; }

    /// <summary>The last rank whose rewards are paid (batches go in rank order; 0 before the first).</summary>
    public int RewardedThroughRank { get; set; }

    /// <summary>The operator's own reward tiers (jsonb, <see cref="RewardTierRules"/>); null: the defaults of <see cref="TournamentRewards.All"/>.</summary>
    public List<RewardTier>? RewardTiers { get; set; }

    /// <summary>When an operator cancelled it (state CANCELLED).</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Set when every entry ticket is back and every entrant's notice is written; until then the clock continues the cancel.</summary>
    public DateTimeOffset? CancelCompletedAt { get; set; }

    /// <summary>The series that planned it (ADR 0022); null for a tournament planned by hand.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>The Berlin day of the series it stands for: unique per series, so a day is planned once even when its start is edited.</summary>
    public DateOnly? SeriesDay { get; set; }

    /// <summary>Its running number in the series (<c>{nr}</c> of the title pattern), unique per series.</summary>
    public int? SeriesNumber { get; set; }
}

/// <summary>
/// A player's place in a tournament (one per player): joined before or during it, the ticket used
/// at joining when the entry costs one, and the one game session once they start playing. The
/// attempt's standing (points … finished at) is kept in step with the session by database triggers
/// in the transaction that records each answer or ends the session (ADR 0015), so the live ranking
/// is read from one index; the application never writes these columns.
/// </summary>
public sealed class TournamentEntry
{
    public const string RankingIndex = "ix_tournament_entries_ranking";

    public Guid TournamentId { get; set; }
    public long PlayerId { get; set; }
    public bool PaidWithTicket { get; set; }
    public Guid? SessionId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Sum of the attempt's answer points (= the session's score).</summary>
    public int Points { get; private set; }
    public int CorrectAnswers { get; private set; }

    /// <summary>Sum of the attempt's answer times, timeouts included.</summary>
    public long TotalAnswerMs { get; private set; }

    /// <summary>At least one answer chosen (a timeout is not an answer): only such attempts are ranked.</summary>
    public bool Answered { get; private set; }

    /// <summary>When the attempt ended; null while it is open (it then ranks last among equals).</summary>
    public DateTimeOffset? FinishedAt { get; private set; }
}

/// <summary>The ranking snapshot written when the tournament finishes (only players who answered at least once).</summary>
public sealed class TournamentResult
{
    public Guid TournamentId { get; set; }
    public long PlayerId { get; set; }
    public int Rank { get; set; }
    public int Points { get; set; }
    public int CorrectAnswers { get; set; }
    public long TotalAnswerMs { get; set; }
    public string? Reward { get; set; }
}
