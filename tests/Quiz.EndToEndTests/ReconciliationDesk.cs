using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>Requests reconciliation runs as the worker or the console does, and reads what the bot's steps did.</summary>
public sealed class ReconciliationDesk(AppModelFixture fixture, int amount)
{
    /// <summary>The purchases the bot would have recorded for the seeded payments (one statement, not one update each).</summary>
    public async Task RecordPurchasesAsync(long telegramUserId, string prefix, int from, int count)
    {
        await using var db = fixture.Database();
        var player = await db.Players.Where(p => p.TelegramUserId == telegramUserId).Select(p => p.Id).SingleAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO purchases (id, player_id, amount_stars, currency, telegram_payment_charge_id, is_recurring, status, created_at)
            SELECT gen_random_uuid(), {player}, {amount}, 'XTR', {prefix} || lpad(i::text, 7, '0'), false, 'completed', {at}
            FROM generate_series({from}, {from + count - 1}) AS i
            """);
    }

    /// <summary>Requests a run through a Core of its own — a process like the worker — and returns its id.</summary>
    /// <param name="time">The Core's clock; the real one unless given (two requests meant for one Berlin day share one instant).</param>
    public async Task<Guid> RequestAsync(Func<ReconciliationService, Task<Guid>> request, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?> { [$"{ReconciliationOptions.Section}:PagesPerStep"] = $"{AppModelFixture.ReconcilePagesPerStep}" };
        await using var core = CoreServices.Create(TestEnvironment.ForDatabase(fixture.DatabaseName), time, settings);
        await using var scope = core.Scope();
        return await request(scope.Get<ReconciliationService>());
    }

    /// <summary>Waits until the bot's steps finished the run, which must have completed without error.</summary>
    public async Task<ReconciliationRun> CompletedAsync(Guid id)
    {
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

    /// <summary>
    /// How many transactions each step's command read, in step order (from the results the dispatcher recorded).
    /// The last step completes the run in its own transaction and the dispatcher records that row as sent just
    /// after, so a completed run may still show its last row in flight: wait until no row is pending, then
    /// every row must have been sent.
    /// </summary>
    public async Task<List<int>> StepReadsAsync(Guid run)
    {
        var first = ReconcileCommand.Key(run, 0);
        async Task<List<(long Id, OutboxState State, string? Result)>> RowsAsync()
        {
            await using var db = fixture.Database();
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Kind == OutboxKinds.ReconcileStarTransactions && (m.IdempotencyKey == first || m.IdempotencyKey!.StartsWith(first + ":")))
                .Select(m => new { m.Id, m.State, m.Result }).OrderBy(m => m.Id).ToListAsync();
            return [.. rows.Select(m => (m.Id, m.State, m.Result))];
        }
        await Eventually.HoldsAsync(async () => (await RowsAsync()).All(m => m.State != OutboxState.Pending));
        var done = await RowsAsync();
        Assert.All(done, m => Assert.Equal(OutboxState.Sent, m.State));
        return [.. done.Select(m => JsonDocument.Parse(m.Result!).RootElement.GetProperty("read").GetInt32())];
    }

    public async Task AssertCursorAndNoAlertsAsync(string prefix, int end)
    {
        await using var db = fixture.Database();
        Assert.Equal(end, (await db.ReconciliationCursors.AsNoTracking().SingleAsync()).Offset);
        Assert.False(await db.ReconciliationAlerts.AnyAsync(a => a.ChargeId.StartsWith(prefix)));
        Assert.False(await db.Purchases.AnyAsync(p => p.TelegramPaymentChargeId.StartsWith(prefix) && p.TelegramListedAt == null));
    }
}
