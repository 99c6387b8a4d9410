using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>The open reports of one question, as a moderator sees them.</summary>
public sealed record ReportGroup(
    string QuestionId,
    string Text,
    string CategoryName,
    QuestionStatus Status,
    int OpenReports,
    IReadOnlyDictionary<ReportReason, int> Reasons,
    DateTimeOffset FirstReportedAt,
    DateTimeOffset LastReportedAt,
    long LatestReportId);

public enum ReportDecision
{
    /// <summary>"Meldungen bestätigen": the reports are right; the question stays as it is (usually suspended) until edited.</summary>
    Uphold,

    /// <summary>"Meldungen verwerfen": the question is fine; if the reports suspended it, it is active again.</summary>
    Dismiss,
}

public sealed record DecisionResult(int Decided, bool Reactivated);

/// <summary>
/// The moderator's side of player reports (the players' side is <c>Game.QuestionReports</c>). A
/// decision takes the question's row lock, as reporting does, so it and a new report are
/// serialised; it covers the reports up to the newest one the moderator saw, and later reports
/// stay open.
/// </summary>
public sealed class ReportModeration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public const int MaxGroups = 200;

    /// <summary>Questions with open reports, most reports first, then the longest waiting.</summary>
    public async Task<IReadOnlyList<ReportGroup>> OpenAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.QuestionReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open)
            .GroupBy(r => new { r.QuestionId, r.Reason })
            .Select(g => new { g.Key.QuestionId, g.Key.Reason, Count = g.Count(), First = g.Min(r => r.CreatedAt), Last = g.Max(r => r.CreatedAt), Latest = g.Max(r => r.Id) })
            .ToListAsync(ct);
        var byQuestion = counts.GroupBy(c => c.QuestionId)
            .Select(g => new { QuestionId = g.Key, Open = g.Sum(c => c.Count), First = g.Min(c => c.First), Last = g.Max(c => c.Last), Latest = g.Max(c => c.Latest), Reasons = g.ToDictionary(c => c.Reason, c => c.Count) })
            .OrderByDescending(g => g.Open).ThenBy(g => g.First).ThenBy(g => g.QuestionId, StringComparer.Ordinal)
            .Take(MaxGroups)
            .ToList();
        var ids = byQuestion.Select(g => g.QuestionId).ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Text, CategoryName = q.Category!.Name, q.Status })
            .ToDictionaryAsync(q => q.Id, ct);
        return [.. byQuestion.Where(g => questions.ContainsKey(g.QuestionId)).Select(g =>
        {
            var q = questions[g.QuestionId];
            return new ReportGroup(g.QuestionId, q.Text, q.CategoryName, q.Status, g.Open, g.Reasons, g.First, g.Last, g.Latest);
        })];
    }

    /// <summary>
    /// Decides every open report on <paramref name="questionId"/> up to <paramref name="throughReportId"/>
    /// (all open ones when null) and records <paramref name="decidedBy"/>. Dismissing reactivates the
    /// question when it is suspended and these reports had reached the suspend threshold (so they,
    /// not a moderator, suspended it) and fewer than that stay open.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(
        string questionId, ReportDecision decision, string decidedBy, long? throughReportId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        var by = decidedBy.Length <= 200 ? decidedBy : decidedBy[..200];
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = (await db.Questions.FromSql($"SELECT * FROM questions WHERE id = {questionId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (question is null) return new DecisionResult(0, false);

        var openBefore = await db.QuestionReports.CountAsync(r => r.QuestionId == questionId && r.Status == ReportStatus.Open, ct);
        var through = throughReportId ?? long.MaxValue;
        var status = decision == ReportDecision.Uphold ? ReportStatus.Upheld : ReportStatus.Dismissed;
        var decided = await db.QuestionReports
            .Where(r => r.QuestionId == questionId && r.Status == ReportStatus.Open && r.Id <= through)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedBy, by), ct);

        var reactivate = decision == ReportDecision.Dismiss && decided > 0 && question.Status == QuestionStatus.Suspended
            && openBefore >= QuestionReport.SuspendThreshold && openBefore - decided < QuestionReport.SuspendThreshold;
        if (reactivate)
        {
            question.Status = QuestionStatus.Active;
            question.UpdatedAt = now > question.UpdatedAt ? now : question.UpdatedAt.AddTicks(TimeSpan.TicksPerMillisecond);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new DecisionResult(decided, reactivate);
    }
}
