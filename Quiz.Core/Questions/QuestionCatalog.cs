using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>
/// The console's question use-cases: search, load, edit and status changes. One context per
/// operation (Blazor components hold this for a whole circuit).
/// <para>
/// Edits are optimistic: a draft carries the <see cref="Question.UpdatedAt"/> it was loaded with and
/// the update only applies while the row still has it, so two editors cannot silently overwrite
/// each other; the loser gets <see cref="SaveOutcome.Conflict"/> and reloads. Status changes are
/// compare-and-set on the status alone (the buttons mean "from what you see to that").
/// </para>
/// </summary>
public sealed class QuestionCatalog(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<QuestionPage> SearchAsync(QuestionFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Questions.AsNoTracking();
        if (filter.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = $"%{EscapeLike(term)}%";
            query = query.Where(q => EF.Functions.ILike(q.Id, pattern, @"\") || EF.Functions.ILike(q.Text, pattern, @"\"));
        }
        if (!string.IsNullOrEmpty(filter.CategoryId)) query = query.Where(q => q.CategoryId == filter.CategoryId);
        if (filter.Difficulty is { } difficulty) query = query.Where(q => q.Difficulty == difficulty);
        if (filter.Status is { } status) query = query.Where(q => q.Status == status);
        if (filter.OnlyWithOpenReports)
        {
            query = query.Where(q => db.QuestionReports.Any(r => r.QuestionId == q.Id && r.Status == ReportStatus.Open));
        }

        var total = await query.CountAsync(ct);
        var ordered = QuestionCatalogOrder.Apply(db, query, filter.Sort, filter.Descending);
        var size = Math.Clamp(filter.PageSize, 1, QuestionFilter.MaxPageSize);
        var page = Math.Max(filter.Page, 0);
        var items = await ordered.Skip(page * size).Take(size)
            .Select(q => new QuestionRow(
                q.Id, q.CategoryId, q.Category!.Name, q.Difficulty, q.Text, q.Status,
                db.QuestionReports.Count(r => r.QuestionId == q.Id && r.Status == ReportStatus.Open), q.UpdatedAt,
                q.Stats == null ? null : new QuestionFigures(q.Stats.Asked, q.Stats.Correct, q.Stats.TimedOut, q.Stats.MedianAnswerMs, q.Stats.CalibratedDifficulty)))
            .ToListAsync(ct);
        return new QuestionPage(items, total);
    }

    public async Task<QuestionDraft?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var question = await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
        return question is null ? null : QuestionDraft.From(question);
    }

    public async Task<IReadOnlyList<CategoryChoice>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryChoice(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// Saves the content fields of <paramref name="draft"/> (not its status, which has its own
    /// buttons) if they obey the content rules and nobody saved in between.
    /// </summary>
    public async Task<SaveResult> SaveAsync(QuestionDraft draft, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var problems = QuestionRules.Problems(draft.ToContent(), db);
        if (!await db.Categories.AnyAsync(c => c.Id == draft.CategoryId, ct))
        {
            problems.Add($"Die Kategorie „{draft.CategoryId}“ gibt es nicht.");
        }
        if (draft.Text is { Length: > 0 } text)
        {
            var same = await QuestionRules.SameTextsAsync(db, [QuestionRules.NormalizeText(text)], ct);
            problems.AddRange(same.Where(s => s.Id != draft.Id).Select(s => $"Gleiche Frage wie {s.Id}."));
        }
        if (problems.Count > 0) return SaveResult.Invalid(problems);

        // A fresh version even when the clock has not moved since the last save (tests, fast hands).
        var now = time.GetUtcNow();
        var version = now > draft.UpdatedAt ? now : draft.UpdatedAt.AddTicks(TimeSpan.TicksPerMillisecond);
        string[] options = [.. draft.Options];
        var changed = await db.Questions
            .Where(q => q.Id == draft.Id && q.UpdatedAt == draft.UpdatedAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.CategoryId, draft.CategoryId)
                .SetProperty(q => q.Difficulty, draft.Difficulty)
                .SetProperty(q => q.Text, draft.Text)
                .SetProperty(q => q.Options, options)
                .SetProperty(q => q.CorrectOption, draft.Correct)
                .SetProperty(q => q.Explanation, draft.Explanation)
                .SetProperty(q => q.SourceNote, draft.Source)
                .SetProperty(q => q.PatternKey, draft.PatternKey)
                .SetProperty(q => q.UpdatedAt, version), ct);
        if (changed == 1) return new SaveResult(SaveOutcome.Saved, [], version);
        return await db.Questions.AnyAsync(q => q.Id == draft.Id, ct)
            ? new SaveResult(SaveOutcome.Conflict, ["Die Frage wurde inzwischen von jemand anderem geändert. Bitte neu laden."])
            : new SaveResult(SaveOutcome.NotFound, ["Diese Frage gibt es nicht."]);
    }

    public async Task<StatusChangeOutcome> ChangeStatusAsync(string id, StatusChange change, CancellationToken ct = default)
    {
        var (from, to) = change switch
        {
            StatusChange.Suspend => (new[] { QuestionStatus.Active }, QuestionStatus.Suspended),
            StatusChange.Reactivate => ([QuestionStatus.Suspended, QuestionStatus.Retired], QuestionStatus.Active),
            StatusChange.Retire => ([QuestionStatus.Active, QuestionStatus.Suspended], QuestionStatus.Retired),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Questions
            .Where(q => q.Id == id && from.Contains(q.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, to).SetProperty(q => q.UpdatedAt, now), ct);
        if (changed == 1) return StatusChangeOutcome.Changed;
        return await db.Questions.AnyAsync(q => q.Id == id, ct) ? StatusChangeOutcome.NotAllowed : StatusChangeOutcome.NotFound;
    }

    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
