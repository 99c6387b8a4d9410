using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.Tournaments.Series;

/// <summary>
/// The worker's side of a series (ADR 0022): plans every occurrence due within the series' horizon as an ordinary
/// tournament — created and scheduled like the console's "Neues Turnier" and "Planen", so the clock's triggers start and
/// finish it. One transaction per series holding the series' row lock; the unique (series, Berlin day) index is the last
/// word, so racing workers or a repeated run plan each day once, and a run killed half-way plans the rest next time.
/// </summary>
public sealed partial class SeriesPlanner(QuizDbContext db, TimeProvider time, ILogger<SeriesPlanner> logger)
{
    /// <summary>Who planned an occurrence, in the audit log.</summary>
    public const string Actor = AuditActors.Worker;

    /// <summary>Plans what every running series has due; returns how many tournaments were planned.</summary>
    public async Task<int> PlanDueAsync(CancellationToken ct = default)
    {
        var ids = await db.TournamentSeries.AsNoTracking().Where(s => !s.Paused).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var planned = 0;
        foreach (var id in ids) planned += await PlanAsync(id, ct);
        return planned;
    }

    /// <summary>Plans the occurrences of one series that are due and not planned yet.</summary>
    public async Task<int> PlanAsync(Guid seriesId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var series = (await db.TournamentSeries.FromSqlInterpolated($"SELECT * FROM tournament_series WHERE id = {seriesId} FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault();
        if (series is not { Paused: false }) return 0;
        var slots = SeriesSchedule.Slots(series.WeekdayMask, series.StartTime, series.HorizonDays, now);
        if (slots.Count == 0) return 0;

        // Read after the lock: a worker that planned before us has committed, and its days are seen here.
        var from = slots[0].Day;
        var taken = (await db.Tournaments.Where(t => t.SeriesId == seriesId && t.SeriesDay >= from).Select(t => t.SeriesDay!.Value).ToListAsync(ct)).ToHashSet();
        var number = await db.Tournaments.Where(t => t.SeriesId == seriesId).MaxAsync(t => t.SeriesNumber, ct) ?? 0;
        var added = 0;
        foreach (var slot in slots.Where(s => !taken.Contains(s.Day)))
        {
            var draft = Occurrence(series, slot, number + 1);
            if (TournamentRules.Problems(draft, now) is { Count: > 0 } problems)
            {
                LogInvalid(seriesId, slot.Day, string.Join(" ", problems));
                continue;
            }
            number++;
            var t = TournamentAdministration.AddDraft(db, draft, Actor, now);
            (t.SeriesId, t.SeriesDay, t.SeriesNumber) = (seriesId, slot.Day, number);
            TournamentAdministration.Schedule(db, t, Actor, now);
            added++;
        }
        if (added == 0) return 0;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The tournament a slot of <paramref name="series"/> stands for, titled with the Berlin time it really starts at.</summary>
    public static TournamentDraft Occurrence(TournamentSeries series, SeriesSlot slot, int number)
    {
        var startsAt = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot.StartsAt, Common.BerlinDay.Zone).DateTime);
        return new TournamentDraft(
            SeriesTitle.Expand(series.TitlePattern, slot.Day, number, startsAt), slot.StartsAt, slot.StartsAt.AddMinutes(series.DurationMinutes),
            series.EntryFee, series.QuestionCount, series.RewardTiers);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series {Series}: the occurrence of {Day} breaks the tournament rules and is not planned: {Problems}")]
    private partial void LogInvalid(Guid series, DateOnly day, string problems);
}
