using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Questions;

namespace Quiz.Core.Game;

/// <summary>
/// The active question bank in memory, so a pick costs microseconds instead of reading up to
/// 50,000 rows per question. Reloaded at most every <see cref="Lifetime"/>: a question suspended
/// in the console (or by reports) stops being picked within that time on every replica. Shared
/// sets are stored, so they never depend on this cache's age.
/// </summary>
public sealed class QuestionBankCache(IDbContextFactory<QuizDbContext> contexts, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim reload = new(1, 1);
    private Snapshot? current;

    private sealed record Entry(Candidate Candidate, string CategoryId, short Difficulty);

    private sealed record Snapshot(IReadOnlyList<Entry> Entries, DateTimeOffset LoadedAt);

    /// <summary>Active questions, optionally of one category and/or difficulty, ordered by id.</summary>
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
                .Select(q => new { q.Id, q.PatternKey, q.CorrectOption, q.CategoryId, q.Difficulty, q.Related })
                .ToListAsync(ct);
            var candidates = RelatedQuestions.Link([.. rows.Select(r => (new Candidate(r.Id, r.PatternKey, r.CorrectOption), (IReadOnlyCollection<string>)r.Related))]);
            current = new Snapshot(rows.Select((r, i) => new Entry(candidates[i], r.CategoryId, r.Difficulty)).ToList(), now);
            return current;
        }
        finally
        {
            reload.Release();
        }
    }

    public void Dispose() => reload.Dispose();
}
