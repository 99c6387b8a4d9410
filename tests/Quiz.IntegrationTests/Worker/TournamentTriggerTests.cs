using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;
using Quiz.Worker;
using Quiz.Worker.Jobs;

namespace Quiz.IntegrationTests.Worker;

/// <summary>A tournament's own Quartz trigger starts it at its time on a real clustered scheduler — without the clock job.</summary>
public sealed class TournamentTriggerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_scheduled_tournament_gets_one_trigger_per_step_and_starts_at_its_time()
    {
        var now = DateTimeOffset.UtcNow;
        await GameTestKit.SeedBankAsync(database, now);
        await using var core = database.Core();
        var admin = core.Get<TournamentAdministration>();
        var id = (await admin.CreateAsync(new TournamentDraft("Pünktlich", now.AddSeconds(3), now.AddMinutes(10), TournamentEntryFee.Free, 3), "test")).Id!.Value;
        await admin.ScheduleAsync(id, "test");
        var other = (await admin.CreateAsync(new TournamentDraft("Entwurf", now.AddSeconds(3), now.AddMinutes(10), TournamentEntryFee.Free, 3), "test")).Id!.Value;

        var (node, scheduler) = await StartNodeAsync();
        await using var _ = node;
        try
        {
            IReadOnlyList<PlannedStep> steps;
            await using (var scope = core.Scope())
            {
                steps = await scope.Get<TournamentLifecycle>().UpcomingStepsAsync();
            }
            Assert.Contains(new PlannedStep(id, TournamentStep.Start, (await LoadAsync(id)).StartsAt), steps);
            Assert.DoesNotContain(steps, s => s.TournamentId == other);
            Assert.Equal(steps.Count, await TournamentTriggers.SyncAsync(scheduler, steps, default));
            Assert.Equal(0, await TournamentTriggers.SyncAsync(scheduler, steps, default));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((await LoadAsync(id)).State != TournamentState.Active && !timeout.IsCancellationRequested)
            {
                await Task.Delay(200, CancellationToken.None);
            }
            var started = await LoadAsync(id);
            Assert.Equal(TournamentState.Active, started.State);
            Assert.True(started.StartedAt >= started.StartsAt);
            Assert.Equal(TournamentState.Draft, (await LoadAsync(other)).State);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    [Fact]
    public async Task The_finish_step_finishes_and_rewards_in_one_firing_and_a_repeat_changes_nothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await GameTestKit.SeedBankAsync(database, time.GetUtcNow());
        await using var core = database.Core(time);
        var kit = new Tournaments.TournamentKit(database, core, time);
        var id = await kit.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        await kit.Admin().StartNowAsync(id, "test");
        time.Advance(TimeSpan.FromHours(3));

        await using (var scope = core.Scope())
        {
            Assert.Equal(TransitionOutcome.Changed, await scope.Get<TournamentLifecycle>().RunStepAsync(id, TournamentStep.Finish));
        }
        await using (var scope = core.Scope())
        {
            Assert.Equal(TransitionOutcome.NoChange, await scope.Get<TournamentLifecycle>().RunStepAsync(id, TournamentStep.Finish));
        }
        Assert.Equal(TournamentState.Rewarded, (await kit.LoadAsync(id)).State);
    }

    [Fact]
    public async Task An_edited_tournament_has_its_start_trigger_moved_to_the_new_time()
    {
        var now = DateTimeOffset.UtcNow;
        await GameTestKit.SeedBankAsync(database, now);
        await using var core = database.Core();
        var admin = core.Get<TournamentAdministration>();
        var id = (await admin.CreateAsync(new TournamentDraft("Verschoben", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 3), "test")).Id!.Value;
        await admin.ScheduleAsync(id, "test");

        var (node, scheduler) = await StartNodeAsync();
        await using var _ = node;
        try
        {
            Assert.Equal(1, await TournamentTriggers.SyncAsync(scheduler, await OwnStepsAsync(core, id), default));
            var key = TournamentTriggers.KeyFor(new PlannedStep(id, TournamentStep.Start, default));
            Assert.Equal((await LoadAsync(id)).StartsAt, (await scheduler.GetTrigger(key))!.StartTimeUtc);

            Assert.True((await admin.EditAsync(id, new TournamentDraft("Verschoben", now.AddHours(5), now.AddHours(6), TournamentEntryFee.Free, 3), "test")).Succeeded);
            Assert.Equal(1, await TournamentTriggers.SyncAsync(scheduler, await OwnStepsAsync(core, id), default));
            Assert.Equal(0, await TournamentTriggers.SyncAsync(scheduler, await OwnStepsAsync(core, id), default));

            Assert.Equal((await LoadAsync(id)).StartsAt, (await scheduler.GetTrigger(key))!.StartTimeUtc);
            Assert.Equal(now.AddHours(5).ToUnixTimeMilliseconds(), (await scheduler.GetTrigger(key))!.StartTimeUtc.ToUnixTimeMilliseconds());
        }
        finally
        {
            // Out of the planned steps, so the class's other test counts only its own.
            await admin.CancelAsync(id, "test");
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    /// <summary>The planned steps of this test's tournament only (the database is shared by the class).</summary>
    private static async Task<IReadOnlyList<PlannedStep>> OwnStepsAsync(CoreServices core, Guid id)
    {
        await using var scope = core.Scope();
        return [.. (await scope.Get<TournamentLifecycle>().UpcomingStepsAsync()).Where(s => s.TournamentId == id)];
    }

    private async Task<Tournament> LoadAsync(Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Tournaments.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    /// <summary>A worker node: Core's registrations and the clustered scheduler, without the recurring jobs.</summary>
    private async Task<(CoreServices Node, IScheduler Scheduler)> StartNodeAsync()
    {
        var node = database.Core(configure: services => services.AddQuartz(q => q.UseQuizClusteredStore(database.ConnectionString)));
        var scheduler = await node.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return (node, scheduler);
    }
}
