namespace Quiz.Core.Game;

/// <summary>A player's answer to one session question; at most one per (session, ordinal).</summary>
public sealed class AnswerEvent
{
    public const string UniquePerSessionQuestion = "ux_answer_events_session_ordinal";

    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public int Ordinal { get; set; }
    public long PlayerId { get; set; }
    public string QuestionId { get; set; } = "";

    /// <summary>Chosen display position 0–3, or null when the time ran out.</summary>
    public short? ChosenPosition { get; set; }
    public bool IsCorrect { get; set; }
    public int Points { get; set; }

    /// <summary>Milliseconds from sent-at to the arrival of the answer on the server.</summary>
    public int AnswerMs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
