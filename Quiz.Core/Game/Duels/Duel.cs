namespace Quiz.Core.Game.Duels;

public enum DuelState
{
    /// <summary>Created by the challenger; the link may be accepted until it expires.</summary>
    Open,
    Accepted,
    Completed,
    Expired,
}

/// <summary>
/// An asynchronous 1:1 game: the challenger plays a question set, shares <c>/start duell_&lt;code&gt;</c>,
/// the opponent plays the same set within <see cref="AcceptWindow"/>; both get the result.
/// </summary>
public sealed class Duel
{
    public static readonly TimeSpan AcceptWindow = TimeSpan.FromHours(48);
    public const int QuestionCount = 7;
    public const int CodeLength = 10;

    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public Guid QuestionSetId { get; set; }
    public long ChallengerId { get; set; }
    public Guid ChallengerSessionId { get; set; }
    public long? OpponentId { get; set; }
    public Guid? OpponentSessionId { get; set; }
    public DuelState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
