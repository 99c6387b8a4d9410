using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Xunit.Abstractions;

namespace Quiz.EndToEndTests;

/// <summary>
/// Reconciliation of 100,000 Star transactions through the real bot, outbox, sandbox and database:
/// many bounded steps, the cursor at the end, and a second run that reads only what is new.
/// The measured time is printed (docs/benchmarks.md), never asserted.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ReconciliationScaleTests(AppModelFixture fixture, ITestOutputHelper output)
{
    private const int History = 100_000;
    private const int Amount = 7;
    private const int StepBound = AppModelFixture.ReconcilePagesPerStep * 100;
    private readonly ReconciliationDesk desk = new(fixture, Amount);

    [Fact]
    public async Task One_hundred_thousand_transactions_are_reconciled_in_bounded_steps_and_the_next_run_reads_only_new_ones()
    {
        var sandbox = fixture.Sandbox();
        var buyer = await ChatPlayer.CreateAsync(fixture, "Vielkauf");
        await buyer.SayAsync("/start");
        await buyer.MessageAsync("willkommen");
        await RunAsync("e2e-vorlauf");

        var prefix = $"stxscale{Guid.NewGuid():N}"[..20];
        var history = await sandbox.SeedStarHistoryAsync(buyer.User, History, Amount, prefix);
        await desk.RecordPurchasesAsync(buyer.User.UserId, prefix, 0, History);
        var since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;

        var clock = Stopwatch.StartNew();
        var run = await RunAsync("e2e-100k");
        clock.Stop();

        Assert.Equal((history.First, history.Total, History / StepBound + 1), (run.StartOffset, run.NextOffset, run.Steps));
        var reads = await desk.StepReadsAsync(run.Id);
        Assert.Equal(run.Steps, reads.Count);
        Assert.All(reads, read => Assert.InRange(read, 0, StepBound));
        Assert.Equal(History, reads.Sum());
        var pages = await sandbox.CallsAsync(since, "getStarTransactions");
        Assert.Equal(History / 100 + 1, pages.Count);
        Assert.All(pages, c => Assert.Equal(100, c.Parameters.GetProperty("limit").GetInt32()));
        await desk.AssertCursorAndNoAlertsAsync(prefix, history.Total);
        output.WriteLine($"{History:N0} transactions: {run.Steps} steps of at most {StepBound:N0}, {pages.Count:N0} getStarTransactions calls, {clock.Elapsed.TotalSeconds:F1} s");

        var more = await sandbox.SeedStarHistoryAsync(buyer.User, 250, Amount, prefix + "n");
        await desk.RecordPurchasesAsync(buyer.User.UserId, prefix + "n", 0, 250);
        since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;
        var next = await RunAsync("e2e-neu");

        Assert.Equal((history.Total, more.Total, 1), (next.StartOffset, next.NextOffset, next.Steps));
        Assert.Equal([250], await desk.StepReadsAsync(next.Id));
        Assert.Equal(3, (await sandbox.CallsAsync(since, "getStarTransactions")).Count);
        await desk.AssertCursorAndNoAlertsAsync(prefix, more.Total);
    }

    private async Task<ReconciliationRun> RunAsync(string requestedBy) =>
        await desk.CompletedAsync(await desk.RequestAsync(r => r.RequestAsync(requestedBy)));
}
