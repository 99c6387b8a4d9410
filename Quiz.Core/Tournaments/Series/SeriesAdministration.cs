using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.Tournaments.Series;

/// <summary>A series as the console lists it, with what the worker has planned of it so far.</summary>
public sealed record SeriesRow(
    Guid Id, string TitlePattern, IReadOnlyList<DayOfWeek> Weekdays, TimeOnly StartTime, int DurationMinutes,
    TournamentEntryFee EntryFee, int QuestionCount, int HorizonDays, IReadOnlyList<RewardTier>? RewardTiers, bool Paused,
    int Planned, DateTimeOffset? NextPlannedAt, string? NextPlannedTitle, string ChangedBy, DateTimeOffset ChangedAt)
{
    public TournamentSeriesDraft ToDraft() =>
        new(TitlePattern, Weekdays, StartTime, DurationMinutes, EntryFee, QuestionCount, HorizonDays, RewardTiers);

    /// <summary>The rule's next start after <paramref name="now"/> (planned or not yet); null while paused.</summary>
    public SeriesSlot? NextSlot(DateTimeOffset now) => Paused ? null : SeriesSchedule.Next(SeriesWeekdays.Mask(Weekdays), StartTime, now);
}

/// <summary>
/// The console's and the admin API's series use-cases (ADR 0022): create, edit, pause, resume — each audited
/// (<c>tournament.series.*</c>) in the transaction of its change, edits and pauses under the series' row lock, so the
/// worker plans either before or after a change, never from half of it. A change applies to occurrences not planned yet;
/// planned ones are ordinary tournaments, edited or cancelled one by one.
/// </summary>
public sealed partial class SeriesAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<SeriesRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RowsAsync(db, db.TournamentSeries.OrderBy(s => s.CreatedAt), ct);
    }

    public async Task<SeriesRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.TournamentSeries.Where(s => s.Id == id), ct)).SingleOrDefault();
    }

    public async Task<TournamentSaveResult> CreateAsync(TournamentSeriesDraft draft, string operatorName, CancellationToken ct = default)
    {
        draft = Normalised(draft);
        if (SeriesRules.Problems(draft) is { Count: > 0 } problems) return new TournamentSaveResult(TransitionOutcome.NoChange, problems);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var series = new TournamentSeries { Id = Guid.CreateVersion7(now), CreatedBy = operatorName, CreatedAt = now };
        Apply(series, draft, operatorName, now);
        db.TournamentSeries.Add(series);
        AuditLog.Record(db, operatorName, AuditActions.TournamentSeriesCreated, AuditLog.TournamentSeries(series.Id), Describe(draft), now);
        await db.SaveChangesAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], series.Id);
    }

    public async Task<TournamentSaveResult> EditAsync(Guid id, TournamentSeriesDraft draft, string operatorName, CancellationToken ct = default)
    {
        draft = Normalised(draft);
        if (SeriesRules.Problems(draft) is { Count: > 0 } problems) return new TournamentSaveResult(TransitionOutcome.NoChange, problems);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, id, ct) is not { } series) return new TournamentSaveResult(TransitionOutcome.NotFound, [SeriesRules.NotFound]);
        var before = Describe(Draft(series));
        var after = Describe(draft);
        if (before == after) return new TournamentSaveResult(TransitionOutcome.NoChange, [], id);
        Apply(series, draft, operatorName, now);
        AuditLog.Record(db, operatorName, AuditActions.TournamentSeriesEdited, AuditLog.TournamentSeries(id), $"{before} → {after}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], id);
    }

    /// <summary>No new occurrences from now on (compare-and-set: a paused series answers NoChange).</summary>
    public Task<TransitionOutcome> PauseAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        SetPausedAsync(id, paused: true, AuditActions.TournamentSeriesPaused, operatorName, ct);

    /// <summary>Plans again from the next due day on (days that passed while paused stay empty).</summary>
    public Task<TransitionOutcome> ResumeAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        SetPausedAsync(id, paused: false, AuditActions.TournamentSeriesResumed, operatorName, ct);

    private async Task<TransitionOutcome> SetPausedAsync(Guid id, bool paused, string action, string operatorName, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, id, ct) is not { } series) return TransitionOutcome.NotFound;
        if (series.Paused == paused) return TransitionOutcome.NoChange;
        (series.Paused, series.ChangedBy, series.ChangedAt) = (paused, operatorName, now);
        AuditLog.Record(db, operatorName, action, AuditLog.TournamentSeries(id), series.TitlePattern, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    private async Task<IReadOnlyList<SeriesRow>> RowsAsync(QuizDbContext db, IQueryable<TournamentSeries> series, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await series.AsNoTracking().Select(s => new
        {
            Series = s,
            Planned = db.Tournaments.Count(t => t.SeriesId == s.Id),
            Next = db.Tournaments.Where(t => t.SeriesId == s.Id && t.State == TournamentState.Scheduled && t.StartsAt > now)
                .OrderBy(t => t.StartsAt).Select(t => new { t.StartsAt, t.Title }).FirstOrDefault(),
        }).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => new SeriesRow(
            r.Series.Id, r.Series.TitlePattern, SeriesWeekdays.Days(r.Series.WeekdayMask), r.Series.StartTime, r.Series.DurationMinutes,
            r.Series.EntryFee, r.Series.QuestionCount, r.Series.HorizonDays, r.Series.RewardTiers, r.Series.Paused,
            r.Planned, r.Next?.StartsAt, r.Next?.Title, r.Series.ChangedBy, r.Series.ChangedAt))];
    }

    private static async Task<TournamentSeries?> LockAsync(QuizDbContext db, Guid id, CancellationToken ct) =>
        (await db.TournamentSeries.FromSqlInterpolated($"SELECT * FROM tournament_series WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    private static TournamentSeriesDraft Normalised(TournamentSeriesDraft draft) => draft with
    {
        TitlePattern = (draft.TitlePattern ?? "").Trim(),
        // Each day once, Monday first; an unknown day stays for the rules to name.
        Weekdays = draft.Weekdays.All(Enum.IsDefined) ? SeriesWeekdays.Days(SeriesWeekdays.Mask(draft.Weekdays)) : draft.Weekdays,
        StartTime = new TimeOnly(draft.StartTime.Hour, draft.StartTime.Minute),
    };

    private static void Apply(TournamentSeries series, TournamentSeriesDraft draft, string operatorName, DateTimeOffset now)
    {
        series.TitlePattern = draft.TitlePattern;
        series.WeekdayMask = SeriesWeekdays.Mask(draft.Weekdays);
        (series.StartTime, series.DurationMinutes, series.EntryFee) = (draft.StartTime, draft.DurationMinutes, draft.EntryFee);
        (series.QuestionCount, series.HorizonDays, series.RewardTiers) = (draft.QuestionCount, draft.HorizonDays, draft.RewardTiers?.ToList());
        (series.ChangedBy, series.ChangedAt) = (operatorName, now);
    }

    private static TournamentSeriesDraft Draft(TournamentSeries s) =>
        new(s.TitlePattern, SeriesWeekdays.Days(s.WeekdayMask), s.StartTime, s.DurationMinutes, s.EntryFee, s.QuestionCount, s.HorizonDays, s.RewardTiers);
}
