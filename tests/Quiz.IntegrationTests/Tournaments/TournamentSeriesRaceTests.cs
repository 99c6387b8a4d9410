using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// Workers racing over the same series on real PostgreSQL (ADR 0022): every run in its own scope and context, as Quartz
/// runs a job on two nodes — each day of each series is planned exactly once, numbered without gaps, and the unique
/// (series, day) index refuses a second row even from code that bypasses the planner.
/// </summary>
public sealed class TournamentSeriesRaceTests(PostgresDatabase database) : GameKitTests(database)
{
    [Fact]
    public async Task Four_planner_runs_racing_plan_every_day_of_every_series_exactly_once()
    {
        var admin = Core.Get<SeriesAdministration>();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var created = await admin.CreateAsync(
                new TournamentSeriesDraft($"Täglich {i} {{nr}}", SeriesWeekdays.MondayFirst, new TimeOnly(12 + i, 0), 30, TournamentEntryFee.Free, 3, 28), "test");
            ids.Add(created.Id!.Value);
        }

        using var start = new Barrier(4);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = Core.Scope();
            start.SignalAndWait();
            return await scope.Get<SeriesPlanner>().PlanDueAsync();
        })));

        Assert.Equal(5 * 28, runs.Sum());
        await using var db = Database.CreateContext();
        foreach (var id in ids)
        {
            var planned = await db.Tournaments.Where(t => t.SeriesId == id).OrderBy(t => t.SeriesNumber).Select(t => new { t.SeriesDay, t.SeriesNumber, t.State }).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 28), planned.Select(t => t.SeriesNumber!.Value));
            Assert.Equal(28, planned.Select(t => t.SeriesDay).Distinct().Count());
            Assert.All(planned, t => Assert.Equal(TournamentState.Scheduled, t.State));
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_tournament_for_a_series_day()
    {
        var created = await Core.Get<SeriesAdministration>().CreateAsync(
            new TournamentSeriesDraft("Einmal {nr}", [DayOfWeek.Sunday], new TimeOnly(20, 0), 60, TournamentEntryFee.Free, 3, 7), "test");
        var id = created.Id!.Value;
        await using (var scope = Core.Scope())
        {
            Assert.Equal(1, await scope.Get<SeriesPlanner>().PlanAsync(id));
        }
        await using var db = Database.CreateContext();
        var planned = await db.Tournaments.AsNoTracking().SingleAsync(t => t.SeriesId == id);
        db.Tournaments.Add(new Tournament
        {
            Id = Guid.NewGuid(), Title = "Doppelt", State = TournamentState.Scheduled, QuestionCount = 3, StartsAt = planned.StartsAt,
            EndsAt = planned.EndsAt, CreatedBy = "test", CreatedAt = Time.GetUtcNow(), SeriesId = id, SeriesDay = planned.SeriesDay, SeriesNumber = 2,
        });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(refused.IsUniqueViolation(TournamentSeries.OccurrenceIndex));
    }
}
