namespace Quiz.Core.Questions;

public enum ReportReason
{
    /// <summary>"Antwort falsch".</summary>
    WrongAnswer,

    /// <summary>"Tippfehler".</summary>
    Typo,

    /// <summary>"Unklar".</summary>
    Unclear,

    /// <summary>"Veraltet".</summary>
    Outdated,
}

public enum ReportStatus
{
    Open,

    /// <summary>A moderator agreed (and usually edited or retired the question).</summary>
    Upheld,

    /// <summary>A moderator found the question fine.</summary>
    Dismissed,
}

/// <summary>
/// A player's report about a question. <see cref="SuspendThreshold"/> open reports suspend the
/// question until a moderator decides. One open report per player and question.
/// </summary>
public sealed class QuestionReport
{
    public const int SuspendThreshold = 3;
    public const string UniqueOpenPerPlayer = "ux_question_reports_open_per_player";

    public long Id { get; set; }
    public string QuestionId { get; set; } = "";
    public long PlayerId { get; set; }
    public ReportReason Reason { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who decided (the console user's name).</summary>
    public string? ResolvedBy { get; set; }
}
