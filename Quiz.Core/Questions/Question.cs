using Quiz.Core.Questions.Stats;

namespace Quiz.Core.Questions;

public enum QuestionStatus
{
    Active,
    Suspended,
    Retired,
}

/// <summary>
/// A reviewed quiz question. Options are stored in content order; the game engine chooses the
/// display order per session, so <see cref="CorrectOption"/> is an index into <see cref="Options"/>.
/// </summary>
public sealed class Question
{
    public const int MaxTextLength = 300;
    public const int MaxOptionLength = 100;
    public const int MaxExplanationLength = 200;
    public const int OptionCount = 4;

    /// <summary>Stable id such as <c>geo-0042</c>; content is upserted by it.</summary>
    public string Id { get; set; } = "";
    public string CategoryId { get; set; } = "";
    public Category? Category { get; set; }
    public short Difficulty { get; set; }
    public string Text { get; set; } = "";
    public string[] Options { get; set; } = [];
    public short CorrectOption { get; set; }
    public string Explanation { get; set; } = "";
    public string SourceNote { get; set; } = "";
    public string? PatternKey { get; set; }

    /// <summary>Slugs such as <c>frau</c>, <c>oesterreich</c>, <c>schweiz</c> (content reporting).</summary>
    public string[] Tags { get; set; } = [];

    /// <summary>Ids of questions that must never share a game with this one (either side may list the other).</summary>
    public string[] Related { get; set; } = [];
    public QuestionStatus Status { get; set; }

    /// <summary>The players' answers to it (none until the statistics job first counted one).</summary>
    public QuestionStats? Stats { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
