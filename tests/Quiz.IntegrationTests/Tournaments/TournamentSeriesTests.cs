using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// A series on real PostgreSQL (ADR 0022), the clock at Friday 27.11.2026 11:00 Berlin: the worker's planner makes its
/// days ordinary scheduled tournaments within the horizon — once — and the tournament clock starts them; the console's
/// changes apply to days not planned yet and are audited.
/// </summary>
public sealed class TournamentSeriesTests(PostgresDatabase database) : GameKitTests(database)
{
    private static readonly TournamentSeriesDraft Sundays =
        new("Sonntagsturnier {datum} #{nr}", [DayOfWeek.Sunday], new TimeOnly(20, 0), 60, TournamentEntryFee.Free, 3, 10,
            [RewardTier.Places(1, 1, new RewardContents(Jokers: 3))]);

    private TournamentKit T => new(Database, Core, Time);

    private SeriesAdministration Series => Core.Get<SeriesAdministration>();

    [Fact]
    public async Task A_series_plans_its_days_within_the_horizon_once_as_scheduled_tournaments_that_the_clock_starts()
    {
        var id = await CreateAsync(Sundays);

        Assert.Equal(2, await PlanAsync(id));
        Assert.Equal(0, await PlanAsync(id));

        var planned = await OccurrencesAsync(id);
        Assert.Equal(["Sonntagsturnier 29.11.2026 #1", "Sonntagsturnier 06.12.2026 #2"], planned.Select(t => t.Title));
        var first = planned[0];
        Assert.Equal((TournamentState.Scheduled, new DateTimeOffset(2026, 11, 29, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero)),
            (first.State, first.StartsAt, first.EndsAt));
        Assert.Equal((new DateOnly(2026, 11, 29), 1, 3, Sundays.RewardTiers![0]), (first.SeriesDay!.Value, first.SeriesNumber!.Value, first.QuestionCount, first.RewardTiers![0]));
        await using (var db = T.Context())
        {
            Assert.Equal([AuditActions.TournamentCreated, AuditActions.TournamentScheduled],
                (await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(first.Id))).Select(a => (a.Actor, a.Action)).Where(a => a.Actor == SeriesPlanner.Actor).Select(a => a.Action));
        }
        await using (var scope = Core.Scope())
        {
            Assert.Contains(new PlannedStep(first.Id, TournamentStep.Start, first.StartsAt), await scope.Get<TournamentLifecycle>().UpcomingStepsAsync());
        }

        Time.Advance(first.StartsAt - Time.GetUtcNow());
        await T.ClockAsync();
        Assert.Equal(TournamentState.Active, (await T.LoadAsync(first.Id)).State);
        Assert.Equal(0, await PlanAsync(id));
        Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await PlanAsync(id));
        Assert.Equal("Sonntagsturnier 13.12.2026 #3", (await OccurrencesAsync(id))[^1].Title);
    }

    [Fact]
    public async Task Paused_series_plan_nothing_resumed_ones_go_on_and_an_edit_changes_only_days_not_planned_yet()
    {
        var id = await CreateAsync(Sundays with { TitlePattern = "Pause {nr}", HorizonDays = 3 });

        Assert.Equal(TransitionOutcome.Changed, await Series.PauseAsync(id, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NoChange, await Series.PauseAsync(id, TournamentKit.Operator));
        Assert.Equal(0, await PlanAsync(id));
        Assert.Null((await Series.GetAsync(id))!.NextSlot(Time.GetUtcNow()));
        Assert.Equal(TransitionOutcome.Changed, await Series.ResumeAsync(id, TournamentKit.Operator));
        Assert.Equal(1, await PlanAsync(id));

        var edited = await Series.EditAsync(id, Sundays with { TitlePattern = "Neu {nr}", StartTime = new TimeOnly(18, 30), HorizonDays = 10 }, TournamentKit.Operator);
        Assert.True(edited.Succeeded, string.Join(" ", edited.Errors));
        Assert.Equal(1, await PlanAsync(id));

        var planned = await OccurrencesAsync(id);
        Assert.Equal([("Pause 1", 19), ("Neu 2", 17)], planned.Select(t => (t.Title, t.StartsAt.UtcDateTime.Hour)));
        var row = (await Series.GetAsync(id))!;
        Assert.Equal((2, planned[0].StartsAt, "Pause 1"), (row.Planned, row.NextPlannedAt!.Value, row.NextPlannedTitle!));
        await using var db = T.Context();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.TournamentSeries(id));
        Assert.Equal(
            [AuditActions.TournamentSeriesCreated, AuditActions.TournamentSeriesPaused, AuditActions.TournamentSeriesResumed, AuditActions.TournamentSeriesEdited],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TournamentKit.Operator, a.Actor));
        Assert.Contains("„Pause {nr}“, So 20:00 (Berlin), 60 min, kostenlos, 3 Fragen, 3 Tage voraus, Gewinne: Platz 1: 3 Joker → „Neu {nr}“, So 18:30", audit[^1].Details);
    }

    [Fact]
    public async Task A_series_breaking_the_rules_is_refused_in_german_and_nothing_is_stored_or_planned()
    {
        var refused = await Series.CreateAsync(Sundays with { TitlePattern = "Turnier {date}", Weekdays = [] }, TournamentKit.Operator);
        var unknown = await Series.EditAsync(Guid.NewGuid(), Sundays, TournamentKit.Operator);
        var id = await CreateAsync(Sundays with { TitlePattern = "Gültig {nr}" });
        var invalidEdit = await Series.EditAsync(id, Sundays with { QuestionCount = 2 }, TournamentKit.Operator);

        Assert.Equal(["Unbekannter Platzhalter {date}; möglich sind {datum}, {nr}, {wochentag}, {uhrzeit}.", "Mindestens ein Wochentag ist nötig."], refused.Errors);
        Assert.Equal(TransitionOutcome.NotFound, unknown.Outcome);
        Assert.Equal([SeriesRules.NotFound], unknown.Errors);
        Assert.Equal(["Ein Turnier hat 3 bis 30 Fragen."], invalidEdit.Errors);
        Assert.Equal(3, (await Series.GetAsync(id))!.QuestionCount);
        await using var db = T.Context();
        Assert.False(await db.TournamentSeries.AnyAsync(s => s.TitlePattern == "Turnier {date}"));
    }

    private async Task<Guid> CreateAsync(TournamentSeriesDraft draft)
    {
        var created = await Series.CreateAsync(draft, TournamentKit.Operator);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return created.Id!.Value;
    }

    private async Task<int> PlanAsync(Guid id)
    {
        await using var scope = Core.Scope();
        return await scope.Get<SeriesPlanner>().PlanAsync(id);
    }

    private async Task<List<Tournament>> OccurrencesAsync(Guid id)
    {
        await using var db = T.Context();
        return await db.Tournaments.AsNoTracking().Where(t => t.SeriesId == id).OrderBy(t => t.SeriesNumber).ToListAsync();
    }
}
