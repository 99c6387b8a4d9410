using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Testing;
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
        await RecordPurchasesAsync(buyer.User.UserId, prefix, 0, History);
        var since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;

        var clock = Stopwatch.StartNew();
        var run = await RunAsync("e2e-100k");
        clock.Stop();

        Assert.Equal((history.First, history.Total, History / StepBound + 1), (run.StartOffset, run.NextOffset, run.Steps));
        var reads = await StepReadsAsync(run.Id);
        Assert.Equal(run.Steps, reads.Count);
        Assert.All(reads, read => Assert.InRange(read, 0, StepBound));
        Assert.Equal(History, reads.Sum());
        var pages = await sandbox.CallsAsync(since, "getStarTransactions");
        Assert.Equal(History / 100 + 1, pages.Count);
        Assert.All(pages, c => Assert.Equal(100, c.Parameters.GetProperty("limit").GetInt32()));
        await AssertCursorAndNoAlertsAsync(prefix, history.Total);
        output.WriteLine($"{History:N0} transactions: {run.Steps} steps of at most {StepBound:N0}, {pages.Count:N0} getStarTransactions calls, {clock.Elapsed.TotalSeconds:F1} s");

        var more = await sandbox.SeedStarHistoryAsync(buyer.User, 250, Amount, prefix + "n");
        await RecordPurchasesAsync(buyer.User.UserId, prefix + "n", 0, 250);
        since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;
        var next = await RunAsync("e2e-neu");

        Assert.Equal((history.Total, more.Total, 1), (next.StartOffset, next.NextOffset, next.Steps));
        Assert.Equal([250], await StepReadsAsync(next.Id));
        Assert.Equal(3, (await sandbox.CallsAsync(since, "getStarTransactions")).Count);
        await AssertCursorAndNoAlertsAsync(prefix, more.Total);
    }

    /// <summary>The purchases the bot would have recorded for the seeded payments (one statement, not 100,000 updates).</summary>
    private async Task RecordPurchasesAsync(long telegramUserId, string prefix, int from, int count)
    {
        await using var db = fixture.Database();
        var player = await db.Players.Where(p => p.TelegramUserId == telegramUserId).Select(p => p.Id).SingleAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO purchases (id, player_id, amount_stars, currency, telegram_payment_charge_id, is_recurring, status, created_at)
            SELECT gen_random_uuid(), {player}, {Amount}, 'XTR', {prefix} || lpad(i::text, 7, '0'), false, 'completed', {at}
            FROM generate_series({from}, {from + count - 1}) AS i
            """);
    }

    /// <summary>Requests a run as the worker does and waits until the bot's steps finished it.</summary>
    private async Task<ReconciliationRun> RunAsync(string requestedBy)
    {
        Guid id;
        var settings = new Dictionary<string, string?> { [$"{ReconciliationOptions.Section}:PagesPerStep"] = $"{AppModelFixture.ReconcilePagesPerStep}" };
        await using (var core = CoreServices.Create(TestEnvironment.ForDatabase(fixture.DatabaseName), settings: settings))
        await using (var scope = core.Scope())
        {
            id = await scope.Get<ReconciliationService>().RequestAsync(requestedBy);
        }
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            await using var db = fixture.Database();
            var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == id);
            if (run.Status != ReconciliationStatus.Requested || DateTime.UtcNow > deadline)
            {
                Assert.Equal((ReconciliationStatus.Completed, (string?)null), (run.Status, run.Error));
                return run;
            }
            await Task.Delay(250);
        }
    }

    /// <summary>How many transactions each step's command read, in step order (from the results the dispatcher recorded).</summary>
    private async Task<List<int>> StepReadsAsync(Guid run)
    {
        await using var db = fixture.Database();
        var first = ReconcileCommand.Key(run, 0);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKinds.ReconcileStarTransactions && (m.IdempotencyKey == first || m.IdempotencyKey!.StartsWith(first + ":")))
            .Select(m => new { m.Id, m.State, m.Result }).OrderBy(m => m.Id).ToListAsync();
        Assert.All(rows, m => Assert.Equal(OutboxState.Sent, m.State));
        return [.. rows.Select(m => JsonDocument.Parse(m.Result!).RootElement.GetProperty("read").GetInt32())];
    }

    private async Task AssertCursorAndNoAlertsAsync(string prefix, int end)
    {
        await using var db = fixture.Database();
        Assert.Equal(end, (await db.ReconciliationCursors.AsNoTracking().SingleAsync()).Offset);
        Assert.False(await db.ReconciliationAlerts.AnyAsync(a => a.ChargeId.StartsWith(prefix)));
        Assert.False(await db.Purchases.AnyAsync(p => p.TelegramPaymentChargeId.StartsWith(prefix) && p.TelegramListedAt == null));
    }
}
