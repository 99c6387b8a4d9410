using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;

namespace Quiz.Core.AntiCheat;

/// <summary>What one batch run read and raised.</summary>
public sealed record CheatScanResult(int AnswersRead, int SteadyPerfect, int Lockstep, int FreshCluster, int RefundAbuse)
{
    public int Flags => SteadyPerfect + Lockstep + FreshCluster + RefundAbuse;
}

/// <summary>
/// The batch detectors (SteadyPerfect, Lockstep, FreshCluster, RefundAbuse), run by the worker's clustered job. Incremental:
/// each run reads the answers after the cursor (at most <see cref="AntiCheatOptions.BatchMaxAnswers"/>, and only up to the
/// first answer younger than <see cref="AntiCheatOptions.SettleSeconds"/>, so one still in an open transaction cannot be passed), and the duels and refund requests since the last run, and looks
/// only at the players and shared sets these touch. Raising is an upsert, so a run repeated after a crash changes nothing.
/// </summary>
public sealed partial class CheatScan(
    IDbContextFactory<QuizDbContext> contexts, CheatFlags flags, TimeProvider time, IOptionsMonitor<AntiCheatOptions> options, ILogger<CheatScan> logger)
{
    /// <summary>At most this many duels and refund requests per run; the next run continues.</summary>
    public const int MaxEventsPerRun = 2_000;

    private sealed class Range
    {
        public long From { get; init; }
        public long To { get; init; }
        public int Count { get; init; }
    }

    public async Task<CheatScanResult> RunAsync(CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO anticheat_cursor (id, last_answer_id, updated_at) VALUES ({AntiCheatCursor.SingletonId}, 0, {now}) ON CONFLICT (id) DO NOTHING", ct);
        var cursor = await db.AntiCheatCursors.AsNoTracking().SingleAsync(ct);

        var settled = now.AddSeconds(-settings.SettleSeconds);
        var range = (await db.Database.SqlQuery<Range>($"""
            SELECT {cursor.LastAnswerId} AS "from", coalesce(max(id), {cursor.LastAnswerId}) AS "to", count(*)::int AS "count"
            FROM (SELECT id FROM answer_events
                  WHERE id > {cursor.LastAnswerId}
                    AND id < coalesce((SELECT min(id) FROM answer_events WHERE id > {cursor.LastAnswerId} AND created_at >= {settled}), 9223372036854775807)
                  ORDER BY id LIMIT {settings.BatchMaxAnswers}) t
            """).ToListAsync(ct)).Single();

        var steady = range.Count == 0 ? 0 : await SteadyPerfectAsync(db, range, settings, ct);
        var lockstep = range.Count == 0 ? 0 : await LockstepAsync(db, range, settings, ct);
        var (fresh, duelsUntil) = await FreshClusterAsync(db, cursor.DuelsCheckedUntil, now, settings, ct);
        var (refunds, refundsUntil) = await RefundAbuseAsync(db, cursor.RefundsCheckedUntil, now, settings, ct);

        // Compare-and-set: a run that overlapped another (it should not: the job is not concurrent) does not move the cursor back.
        await db.AntiCheatCursors.Where(c => c.Id == AntiCheatCursor.SingletonId && c.LastAnswerId == cursor.LastAnswerId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastAnswerId, range.To)
            .SetProperty(c => c.DuelsCheckedUntil, duelsUntil)
            .SetProperty(c => c.RefundsCheckedUntil, refundsUntil)
            .SetProperty(c => c.UpdatedAt, now), ct);
        var result = new CheatScanResult(range.Count, steady, lockstep, fresh, refunds);
        if (result.Flags > 0) logger.LogInformation("Cheat scan read {Answers} answers and raised {Flags} flags", result.AnswersRead, result.Flags);
        return result;
    }

    /// <summary>0–100 from how far a value is past its threshold, relative to the room there is.</summary>
    private static int Scaled(double past, double room, int from, int span) =>
        Math.Clamp(from + (int)Math.Round(span * Math.Clamp(room <= 0 ? 1 : past / room, 0, 1)), 0, 100);
}
