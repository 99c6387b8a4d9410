using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Operations.Dashboard;

/// <summary>
/// The worker's daily rollup behind the console's charts: for each Berlin day of the last <see cref="WindowDays"/> that
/// may still change, one upsert of its <see cref="DailyFigures"/> and <see cref="DailyModeGames"/> rows. A day is final
/// once its retention window (the seven days after it) is over; a row computed after that is never touched again, so a
/// run normally recomputes today and the eight days before it, and a fresh database catches up the whole window once.
/// Idempotent: a second run, or two runs at once on two workers, write the same numbers.
/// </summary>
public sealed partial class DailyRollup(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, ILogger<DailyRollup> logger)
{
    /// <summary>The days the console shows (today included).</summary>
    public const int WindowDays = 30;

    /// <summary>How many days after its own a new player's return counts ("7-Tage-Bindung").</summary>
    public const int RetentionDays = 7;

    /// <summary>Recomputes every day of the window that is missing or was computed before it became final; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = BerlinDay.Containing(now).Day;
        var first = today.AddDays(-(WindowDays - 1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var computed = await db.Set<DailyFigures>().AsNoTracking().Where(f => f.Day >= first && f.Day <= today)
            .Select(f => new { f.Day, f.ComputedAt }).ToDictionaryAsync(f => f.Day, f => f.ComputedAt, ct);

        var watch = Stopwatch.StartNew();
        var count = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            if (computed.TryGetValue(day, out var at) && at >= FinalFrom(day)) continue;
            await ComputeAsync(db, day, now, ct);
            count++;
        }
        if (count > 0) LogRolledUp(count, today, watch.ElapsedMilliseconds);
        return count;
    }

    /// <summary>From this instant on nothing that <paramref name="day"/>'s row counts can change: its retention window is over.</summary>
    public static DateTimeOffset FinalFrom(DateOnly day) => BerlinDay.StartOf(day.AddDays(RetentionDays + 1));

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily figures: {Days} day(s) up to {Today} computed in {Milliseconds} ms")]
    private partial void LogRolledUp(int days, DateOnly today, long milliseconds);
}
