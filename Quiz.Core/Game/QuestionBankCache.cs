using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Questions;

namespace Quiz.Core.Game;

/// <summary>What a question message shows of a question, and its explanation for the verdict.</summary>
public sealed record QuestionContent(string Id, string Category, string Text, IReadOnlyList<string> Options, string Explanation);

/// <summary>
/// The active question bank in memory, so a pick costs microseconds instead of reading up to
/// 50,000 rows per question, and the answer path reads the asked question's text, options and
/// explanation without a query. Reloaded at most every <see cref="Lifetime"/>: a question suspended
/// or edited in the console (or by reports) stops being picked, and shows its new text, within that
/// time on every replica. Shared sets are stored, so they never depend on this cache's age; a
/// question no longer active is read from the database.
/// </summary>
public sealed class QuestionBankCache(IDbContextFactory<QuizDbContext> contexts, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim reload = new(1, 1);
    private Snapshot? current;

    private sealed record Entry(Candidate Candidate, string CategoryId, short Difficulty);

    private sealed record Snapshot(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<string, QuestionContent> Contents, DateTimeOffset LoadedAt);

    /// <summary>
    /// Active questions, optionally of one category and/or effective difficulty (calibrated from the players' answers once there
    /// are enough, else authored; a new calibration counts after the next reload), ordered by id.
    /// </summary>
    public async Task<List<Candidate>> ActiveAsync(string? categoryId, short? difficulty, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var result = new List<Candidate>();
        foreach (var e in snapshot.Entries)
        {
            if ((categoryId is null || e.CategoryId == categoryId) && (difficulty is null || e.Difficulty == difficulty)) result.Add(e.Candidate);
        }
        return result;
    }

    /// <summary>A question's content: from memory while it is active, else (suspended or retired since) one read.</summary>
    public async Task<QuestionContent> ContentAsync(string questionId, CancellationToken ct)
    {
        if ((await SnapshotAsync(ct)).Contents.TryGetValue(questionId, out var content)) return content;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(q => new { q.Id, Category = q.Category!.Name, q.Text, q.Options, q.Explanation }).SingleAsync(ct);
        return new QuestionContent(q.Id, q.Category, q.Text, q.Options, q.Explanation);
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (current is { } fresh && now - fresh.LoadedAt < Lifetime) return fresh;
        await reload.WaitAsync(ct);
        try
        {
            if (current is { } loaded && now - loaded.LoadedAt < Lifetime) return loaded;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Questions.AsNoTracking()
                .Where(q => q.Status == QuestionStatus.Active)
                .OrderBy(q => q.Id)
                .Select(q => new { q.Id, q.PatternKey, q.CorrectOption, q.CategoryId, Difficulty = q.Stats!.CalibratedDifficulty ?? q.Difficulty, q.Related, Category = q.Category!.Name, q.Text, q.Options, q.Explanation })
                .ToListAsync(ct);
            var candidates = RelatedQuestions.Link([.. rows.Select(r => (new Candidate(r.Id, r.PatternKey, r.CorrectOption), (IReadOnlyCollection<string>)r.Related))]);
            current = new Snapshot(
                rows.Select((r, i) => new Entry(candidates[i], r.CategoryId, r.Difficulty)).ToList(),
                rows.ToDictionary(r => r.Id, r => new QuestionContent(r.Id, r.Category, r.Text, r.Options, r.Explanation), StringComparer.Ordinal),
                now);
            return current;
        }
        finally
        {
            reload.Release();
        }
    }

    public void Dispose() => reload.Dispose();
}
