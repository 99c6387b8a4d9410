using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Game;

namespace Quiz.Core.Operations.Dashboard;

/// <summary>One Berlin day of the console's charts; a day the worker has not computed yet reads as zeros with <see cref="Computed"/> false.</summary>
public sealed record DayFigures(
    DateOnly Day, int ActivePlayers, int NewPlayers, int? RetainedPlayers, int Answers, int CorrectAnswers,
    long StarsGross, long StarsRefunded, int PremiumActive, int TournamentEntrants, bool Computed)
{
    public long StarsNet => StarsGross - StarsRefunded;

    /// <summary>Share of correct answers in percent; null without answers.</summary>
    public double? Accuracy => Answers > 0 ? 100.0 * CorrectAnswers / Answers : null;

    /// <summary>Share of the day's new players who came back within seven days, in percent; null while open or without new players.</summary>
    public double? Retention => RetainedPlayers is { } retained && NewPlayers > 0 ? 100.0 * retained / NewPlayers : null;
}

/// <param name="Days">Oldest first, one per day of the window, today last.</param>
/// <param name="GamesByMode">Per mode, the games of each day in the order of <paramref name="Days"/>.</param>
/// <param name="ComputedAt">When the worker last computed a day of the window; null when it has computed none.</param>
public sealed record DashboardFigures(IReadOnlyList<DayFigures> Days, IReadOnlyDictionary<GameMode, int[]> GamesByMode, DateTimeOffset? ComputedAt)
{
    public bool Empty => ComputedAt is null;
}

/// <summary>The console's charts: the worker's daily rows of the last <see cref="DailyRollup.WindowDays"/> Berlin days (two indexed reads of at most a few hundred rows).</summary>
public sealed class DashboardReader(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<DashboardFigures> ReadAsync(CancellationToken ct = default)
    {
        var today = BerlinDay.Containing(time.GetUtcNow()).Day;
        var first = today.AddDays(-(DailyRollup.WindowDays - 1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<DailyFigures>().AsNoTracking().Where(f => f.Day >= first && f.Day <= today).ToDictionaryAsync(f => f.Day, ct);
        var games = await db.Set<DailyModeGames>().AsNoTracking().Where(g => g.Day >= first && g.Day <= today).ToListAsync(ct);

        var days = Enumerable.Range(0, DailyRollup.WindowDays).Select(i => first.AddDays(i)).ToList();
        var figures = days.Select(day => rows.TryGetValue(day, out var f)
            ? new DayFigures(day, f.ActivePlayers, f.NewPlayers, f.RetainedPlayers, f.Answers, f.CorrectAnswers, f.StarsGross, f.StarsRefunded, f.PremiumActive, f.TournamentEntrants, true)
            : new DayFigures(day, 0, 0, null, 0, 0, 0, 0, 0, 0, false)).ToList();
        var byMode = Enum.GetValues<GameMode>().ToDictionary(mode => mode, mode => days
            .Select(day => games.FirstOrDefault(g => g.Day == day && g.Mode == mode)?.Games ?? 0).ToArray());
        DateTimeOffset? computedAt = rows.Count > 0 ? rows.Values.Max(f => f.ComputedAt) : null;
        return new DashboardFigures(figures, byMode, computedAt);
    }
}
