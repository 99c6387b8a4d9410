using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// Issue #13, item 6, the worker's half: two workers in one Quartz cluster and two bot replicas. A tournament started
/// and ended by the workers' clock tells every entrant once that it began and once how it ended, and pays each reward
/// once; the daily reconciliation requested by both workers at once is one run whose every page is read once.
/// </summary>
[Collection(ScaledAppModelCollection.Name)]
public sealed class ScaleOutSchedulingTests(ScaledAppModelFixture fixture)
{
    private const int Amount = 3;

    [Fact]
    public async Task Both_workers_are_in_one_quartz_cluster()
    {
        await using var db = fixture.Database();
        // This database holds one scheduler (the worker's); each node checks in with a row of its own.
        var nodes = await db.Database.SqlQuery<string>($"SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
        Assert.Equal(fixture.WorkerReplicas, nodes.Count);
    }

    [Fact]
    public async Task A_tournament_run_by_the_clock_of_two_workers_starts_ends_and_rewards_each_entrant_once()
    {
        var desk = new TournamentDesk(fixture);
        var title = "Clusterturnier " + Guid.NewGuid().ToString("N")[..6];
        var id = await desk.OpenAsync(title, "free", questions: 3, duration: TimeSpan.FromMinutes(30), start: false);
        var players = new List<ChatPlayer>();
        for (var i = 0; i < 3; i++)
        {
            var player = await ChatPlayer.CreateAsync(fixture, $"Knoten{i}");
            await player.SayAsync($"/start turnier_{id:N}");
            Assert.Null((await player.PressAsync(await player.MessageAsync(title), $"turnier:join:{id:N}")).Text);
            players.Add(player);
        }

        // Due now: the clock (every 5 s, on one node at a time) starts it, instead of the operator.
        await DueNowAsync(id, end: false);
        for (var i = 0; i < players.Count; i++)
        {
            var started = await players[i].MessageAsync("hat begonnen", Eventually.Patience);
            Assert.Null((await players[i].PressAsync(started, $"turnier:play:{id:N}")).Text);
            var right = 3 - i;
            await players[i].PlayAsync(3, 3, n => n <= right);
        }
        await DueNowAsync(id, end: true);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = fixture.Database();
            var keys = $"tournament-result:{id:N}:";
            return await db.OutboxMessages.CountAsync(m => m.IdempotencyKey!.StartsWith(keys) && m.State == OutboxState.Sent) == players.Count;
        });

        foreach (var player in players)
        {
            var chat = (await fixture.Sandbox().ChatAsync(player.User)).Where(m => m.FromBot).Select(m => m.Text ?? "").ToList();
            Assert.Equal(1, chat.Count(t => t.Contains($"„{title}“ hat begonnen", StringComparison.Ordinal)));
            Assert.Equal(1, chat.Count(t => t.Contains($"„{title}“ gewonnen", StringComparison.Ordinal) || t.Contains($"„{title}“ ist vorbei", StringComparison.Ordinal)));
        }
        await using (var db = fixture.Database())
        {
            Assert.Equal(TournamentState.Rewarded, await db.Tournaments.Where(t => t.Id == id).Select(t => t.State).SingleAsync());
            Assert.Equal(players.Count, await db.TournamentResults.CountAsync(r => r.TournamentId == id));
            var rewards = await db.TournamentResults.Where(r => r.TournamentId == id && r.Reward != null).Select(r => r.Reward!).ToListAsync();
            var rewardKey = $"tournament-reward:{id:N}:";
            var paid = await db.LedgerEntries.Where(l => l.IdempotencyKey!.StartsWith(rewardKey)).ToListAsync();
            Assert.NotEmpty(paid);
            Assert.Equal(rewards.Sum(r => TournamentRewards.Named(r).Items.Count), paid.Count);
            Assert.All(paid, l => Assert.Equal(LedgerReason.Reward, l.Reason));
        }
    }

    [Fact]
    public async Task The_daily_reconciliation_fired_on_both_workers_is_one_run_whose_every_page_is_read_once()
    {
        const int history = 5_000;
        var stepBound = AppModelFixture.ReconcilePagesPerStep * 100;
        var sandbox = fixture.Sandbox();
        var desk = new ReconciliationDesk(fixture, Amount);
        var buyer = await ChatPlayer.CreateAsync(fixture, "Abgleich");
        await buyer.SayAsync("/start");
        await buyer.MessageAsync("willkommen");
        var prefix = $"stxnodes{Guid.NewGuid():N}"[..20];
        var seeded = await sandbox.SeedStarHistoryAsync(buyer.User, history, Amount, prefix);
        await desk.RecordPurchasesAsync(buyer.User.UserId, prefix, 0, history);
        var since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;

        // The daily trigger firing on both nodes at once (a misfire recovered by one while the other fires it). Both
        // read one instant: on live clocks a pair fired across Berlin midnight is rightly two days' runs (seen in CI).
        var instant = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var ids = await Task.WhenAll(desk.RequestAsync(r => r.RequestDailyAsync(), instant), desk.RequestAsync(r => r.RequestDailyAsync(), instant));
        Assert.Equal(ids[0], ids[1]);
        var run = await desk.CompletedAsync(ids[0]);

        await using (var db = fixture.Database())
        {
            Assert.Equal(1, await db.ReconciliationRuns.CountAsync(r => r.DayKey == run.DayKey));
        }
        Assert.Equal((seeded.Total, seeded.Total / stepBound + 1), (run.NextOffset, run.Steps));
        var reads = await desk.StepReadsAsync(run.Id);
        Assert.Equal(run.Steps, reads.Count);
        Assert.Equal(seeded.Total - run.StartOffset, reads.Sum());
        var pages = await sandbox.CallsAsync(since, "getStarTransactions");
        var offsets = pages.Select(c => c.Parameters.TryGetProperty("offset", out var o) ? o.GetInt32() : 0).ToList();
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
        await desk.AssertCursorAndNoAlertsAsync(prefix, seeded.Total);
    }

    /// <summary>Makes a tournament's start or end due now (the console allows no start in the past, and at least 5 minutes of play).</summary>
    private async Task DueNowAsync(Guid id, bool end)
    {
        await using var db = fixture.Database();
        var changed = end
            ? await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE tournaments SET ends_at = now() WHERE id = {id}")
            : await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE tournaments SET starts_at = now() - interval '1 second' WHERE id = {id}");
        Assert.Equal(1, changed);
    }
}
