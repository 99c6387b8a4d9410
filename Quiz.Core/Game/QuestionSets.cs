using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

/// <summary>
/// Creates and reads shared question sets. A set is chosen from one shared seed with the selection
/// rules applied within the set (no player history: everyone gets the same questions), then stored.
/// Concurrent creators of the same (kind, key) agree through the unique index: the insert that
/// loses waits for the winner's commit and reads its set.
/// </summary>
public static class QuestionSets
{
    public const string UniqueKindKey = "ux_question_sets_kind_key";

    public static string DailyKey(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The set's id; creates it inside the caller's transaction when it does not exist yet.</summary>
    public static async Task<Guid?> GetOrCreateAsync(QuizDbContext db, QuestionSetKind kind, string key, long seed, int count, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await FindAsync(db, kind, key, ct);
        if (existing is not null) return existing;

        var (bank, difficulties) = await QuestionBank.ActiveAsync(db, ct);
        var items = kind == QuestionSetKind.Daily ? Choose(bank, count, seed, id => difficulties[id], GameRules.DailyDifficulty) : Choose(bank, count, seed);
        if (items.Count == 0) return null;

        var id = Guid.CreateVersion7(now);
        var kindText = EnumColumns.ToColumn(kind);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO question_sets (id, kind, key, seed, created_at) VALUES ({id}, {kindText}, {key}, {seed}, {now}) ON CONFLICT (kind, key) DO NOTHING", ct);
        if (inserted == 0) return await FindAsync(db, kind, key, ct);

        foreach (var item in items) item.SetId = id;
        db.QuestionSetItems.AddRange(items);
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Deterministic: the same bank, count and seed always give the same items. With a <paramref name="mix"/>, question
    /// <c>ordinal</c> comes from the questions of difficulty <c>mix(ordinal)</c> (by <paramref name="difficultyOf"/>) while
    /// there is one to pick, else from the whole bank.
    /// </summary>
    public static List<QuestionSetItem> Choose(
        IReadOnlyList<Candidate> bank, int count, long seed, Func<string, short>? difficultyOf = null, Func<int, short>? mix = null)
    {
        var patterns = bank.ToDictionary(c => c.Id, c => c.PatternKey, StringComparer.Ordinal);
        var pools = difficultyOf is null || mix is null
            ? null
            : bank.GroupBy(c => difficultyOf(c.Id)).ToDictionary(g => g.Key, g => (IReadOnlyList<Candidate>)[.. g]);
        var history = new List<HistoryEntry>();
        var items = new List<QuestionSetItem>();
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            var taken = items.Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
            var pick = pools is not null && pools.TryGetValue(mix!(ordinal), out var pool)
                ? QuestionSelector.Next([.. pool.Where(c => !taken.Contains(c.Id))], history, SelectionRules.Default, SelectionSeed.Rng(seed, ordinal), game: history)
                : null;
            pick ??= QuestionSelector.Next(bank, history, SelectionRules.Default, SelectionSeed.Rng(seed, ordinal), game: history);
            if (pick is null || taken.Contains(pick.QuestionId)) break;
            history.Add(new HistoryEntry(pick.QuestionId, pick.CorrectPosition, patterns[pick.QuestionId]));
            items.Add(new QuestionSetItem { Ordinal = ordinal, QuestionId = pick.QuestionId, OptionOrder = pick.OptionOrder, CorrectPosition = pick.CorrectPosition });
        }
        return items;
    }

    private static async Task<Guid?> FindAsync(QuizDbContext db, QuestionSetKind kind, string key, CancellationToken ct) =>
        await db.QuestionSets.Where(s => s.Kind == kind && s.Key == key).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
}
