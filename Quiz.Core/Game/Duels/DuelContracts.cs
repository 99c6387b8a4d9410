namespace Quiz.Core.Game.Duels;

public enum DuelOutcome
{
    Started,

    /// <summary>The player's tournament attempt is still running: a duel would end it, so none starts.</summary>
    TournamentInProgress,
    NotFound,
    Expired,

    /// <summary>The challenger opened their own link.</summary>
    OwnDuel,

    /// <summary>Someone else accepted first.</summary>
    Taken,

    /// <summary>This player accepted the duel before.</summary>
    AlreadyAccepted,
    NoQuestions,
}

public sealed record DuelStart(DuelOutcome Outcome, Guid? SessionId = null, string? Code = null, string? ChallengerName = null);

/// <summary>One side of a duel as the result shows it.</summary>
public sealed record DuelSide(long PlayerId, string FirstName, int Score, int CorrectCount, long TotalAnswerMs, bool Finished);

/// <summary>A duel from the view of the player owning <c>SessionId</c>.</summary>
public sealed record DuelView(Guid Id, string Code, DuelState State, DateTimeOffset ExpiresAt, bool IsChallenger, DuelSide Me, DuelSide? Opponent)
{
    /// <summary>Both finished and this player ranks first under the tie-break (points, time, finish, id).</summary>
    public bool? Won { get; init; }
}
