namespace Quiz.Core.Questions;

public enum QuestionSort
{
    Id,
    UpdatedAt,
    OpenReports,
    Difficulty,

    /// <summary>Share of correct answers (descending: easiest first); questions not asked yet come last either way.</summary>
    CorrectRate,

    /// <summary>Share of time-outs; questions not asked yet come last either way.</summary>
    TimeoutRate,
    Asked,
    MedianAnswerTime,
}

/// <summary>One page of the console's question list; every filter is optional.</summary>
public sealed record QuestionFilter(
    string? Search = null,
    string? CategoryId = null,
    short? Difficulty = null,
    QuestionStatus? Status = null,
    bool OnlyWithOpenReports = false,
    int Page = 0,
    int PageSize = 25,
    QuestionSort Sort = QuestionSort.Id,
    bool Descending = false)
{
    public const int MaxPageSize = 100;
}

public sealed record QuestionRow(
    string Id,
    string CategoryId,
    string CategoryName,
    short Difficulty,
    string Text,
    QuestionStatus Status,
    int OpenReports,
    DateTimeOffset UpdatedAt,
    QuestionFigures? Figures = null)
{
    /// <summary>The difficulty selection uses: calibrated from the answers once there are enough, else the authored one.</summary>
    public short EffectiveDifficulty => Figures?.CalibratedDifficulty ?? Difficulty;
}

/// <summary>A question's answer statistics (<see cref="Stats.QuestionStats"/>); null on a row: not asked since statistics began.</summary>
public sealed record QuestionFigures(int Asked, int Correct, int TimedOut, int? MedianAnswerMs, short? CalibratedDifficulty)
{
    public double? CorrectShare => Asked == 0 ? null : (double)Correct / Asked;
    public double? TimeoutShare => Asked == 0 ? null : (double)TimedOut / Asked;
}

public sealed record QuestionPage(IReadOnlyList<QuestionRow> Items, int Total);

public sealed record CategoryChoice(string Id, string Name);

/// <summary>
/// A question as the console edits it. <see cref="UpdatedAt"/> is the version the editor started
/// from: saving compares it with the stored one (optimistic concurrency).
/// </summary>
public sealed record QuestionDraft(
    string Id,
    string CategoryId,
    short Difficulty,
    string Text,
    IReadOnlyList<string> Options,
    short Correct,
    string Explanation,
    string Source,
    string? PatternKey,
    QuestionStatus Status,
    DateTimeOffset UpdatedAt)
{
    public static QuestionDraft From(Question q) => new(
        q.Id, q.CategoryId, q.Difficulty, q.Text, [.. q.Options], q.CorrectOption, q.Explanation, q.SourceNote, q.PatternKey, q.Status, q.UpdatedAt);

    /// <summary>The same shape the content files use, so the same validator checks both.</summary>
    public QuestionContent ToContent() =>
        new(Id, Difficulty, Text, Options, Correct, Explanation, Source, PatternKey, Status == QuestionStatus.Retired);
}

public enum StatusChange
{
    Suspend,
    Reactivate,
    Retire,
}

public enum StatusChangeOutcome
{
    Changed,

    /// <summary>The question is already in (or cannot move to) the requested status.</summary>
    NotAllowed,

    NotFound,
}
