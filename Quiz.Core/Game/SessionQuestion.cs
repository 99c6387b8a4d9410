using Quiz.Core.Questions;

namespace Quiz.Core.Game;

/// <summary>The n-th question of a session with the option order this player sees.</summary>
public sealed class SessionQuestion
{
    public Guid SessionId { get; set; }
    public int Ordinal { get; set; }
    public string QuestionId { get; set; } = "";
    public Question? Question { get; set; }

    /// <summary>Display position i (A–D) shows <c>Question.Options[OptionOrder[i]]</c>.</summary>
    public short[] OptionOrder { get; set; } = [];

    /// <summary>Display position (0 = A … 3 = D) of the correct option.</summary>
    public short CorrectPosition { get; set; }

    /// <summary>Server time the question went out; the answer window starts here.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>Joker 50:50: the two wrong display positions taken away; null while no joker was used.</summary>
    public short[]? RemovedPositions { get; set; }

    /// <summary>Telegram message that shows the question, so it can be edited after the answer.</summary>
    public long? MessageId { get; set; }
}
