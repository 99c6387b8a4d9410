using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>The console's question list orders (ties by id, so pages are stable); statistics orders put unasked questions last.</summary>
internal static class QuestionCatalogOrder
{
    public static IQueryable<Question> Apply(QuizDbContext db, IQueryable<Question> query, QuestionSort sort, bool descending) => (sort, descending) switch
    {
        (QuestionSort.UpdatedAt, false) => query.OrderBy(q => q.UpdatedAt).ThenBy(q => q.Id),
        (QuestionSort.UpdatedAt, true) => query.OrderByDescending(q => q.UpdatedAt).ThenBy(q => q.Id),
        (QuestionSort.OpenReports, false) => query.OrderBy(q => db.QuestionReports.Count(r => r.QuestionId == q.Id && r.Status == ReportStatus.Open)).ThenBy(q => q.Id),
        (QuestionSort.OpenReports, true) => query.OrderByDescending(q => db.QuestionReports.Count(r => r.QuestionId == q.Id && r.Status == ReportStatus.Open)).ThenBy(q => q.Id),
        (QuestionSort.Difficulty, false) => query.OrderBy(q => q.Difficulty).ThenBy(q => q.Id),
        (QuestionSort.Difficulty, true) => query.OrderByDescending(q => q.Difficulty).ThenBy(q => q.Id),
        (QuestionSort.CorrectRate, false) => Asked(query).ThenBy(q => (double)q.Stats!.Correct / q.Stats.Asked).ThenBy(q => q.Id),
        (QuestionSort.CorrectRate, true) => Asked(query).ThenByDescending(q => (double)q.Stats!.Correct / q.Stats.Asked).ThenBy(q => q.Id),
        (QuestionSort.TimeoutRate, false) => Asked(query).ThenBy(q => (double)q.Stats!.TimedOut / q.Stats.Asked).ThenBy(q => q.Id),
        (QuestionSort.TimeoutRate, true) => Asked(query).ThenByDescending(q => (double)q.Stats!.TimedOut / q.Stats.Asked).ThenBy(q => q.Id),
        (QuestionSort.Asked, false) => Asked(query).ThenBy(q => q.Stats!.Asked).ThenBy(q => q.Id),
        (QuestionSort.Asked, true) => Asked(query).ThenByDescending(q => q.Stats!.Asked).ThenBy(q => q.Id),
        (QuestionSort.MedianAnswerTime, false) => query.OrderBy(q => q.Stats == null || q.Stats.MedianAnswerMs == null).ThenBy(q => q.Stats!.MedianAnswerMs).ThenBy(q => q.Id),
        (QuestionSort.MedianAnswerTime, true) => query.OrderBy(q => q.Stats == null || q.Stats.MedianAnswerMs == null).ThenByDescending(q => q.Stats!.MedianAnswerMs).ThenBy(q => q.Id),
        (_, true) => query.OrderByDescending(q => q.Id),
        _ => query.OrderBy(q => q.Id),
    };

    /// <summary>Asked questions first (false sorts before true); a statistics row has asked >= 1 (check constraint), so the rates never divide by zero.</summary>
    private static IOrderedQueryable<Question> Asked(IQueryable<Question> query) => query.OrderBy(q => q.Stats == null || q.Stats.Asked == 0);
}
