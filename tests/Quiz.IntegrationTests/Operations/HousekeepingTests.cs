using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Testing;
using static Quiz.IntegrationTests.Operations.HousekeepingSeed;

namespace Quiz.IntegrationTests.Operations;

public sealed class HousekeepingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_purges_rows_past_their_retention_and_keeps_recent_pending_paid_and_append_only_ones()
    {
        await using (var db = database.CreateContext())
        {
            await db.ProcessedUpdates.ExecuteDeleteAsync();
            var player = TestData.Player(Now);
            db.Players.Add(player);
            await db.SaveChangesAsync();

            db.OutboxMessages.AddRange(
                Outbox(Now, OutboxState.Sent, 15, "sent-old"), Outbox(Now, OutboxState.Sent, 13, "sent-recent"),
                Outbox(Now, OutboxState.Dead, 31, "dead-old"), Outbox(Now, OutboxState.Dead, 29, "dead-recent"),
                Outbox(Now, OutboxState.Pending, 400, "pending-ancient"));

            var expiredOld = Invoice(Now, player.Id, 31);
            var expiredRecent = Invoice(Now, player.Id, 29);
            var paid = Invoice(Now, player.Id, 400, paid: true);
            var unpaidButPurchased = Invoice(Now, player.Id, 400);
            db.Invoices.AddRange(expiredOld, expiredRecent, paid, unpaidButPurchased);
            await db.SaveChangesAsync();
            var purchase = Purchase(Now.AddDays(-400), paid);
            db.Purchases.AddRange(purchase, Purchase(Now.AddDays(-399), unpaidButPurchased, PurchaseStatus.Flagged));
            await db.SaveChangesAsync();
            db.LedgerEntries.Add(Ledger(Now.AddDays(-400), purchase));
            db.AuditEntries.Add(Audit(Now.AddDays(-400)));
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { UpdateId = 1, ReceivedAt = Now.AddDays(-8) },
                new ProcessedUpdate { UpdateId = 2, ReceivedAt = Now.AddDays(-6) });
            await db.SaveChangesAsync();
        }
        await using var core = database.Core(new FakeTimeProvider(Now));

        await using (var run = core.Scope())
        {
            Assert.Equal(new HousekeepingResult(1, 1, 1, 1), await run.Get<Housekeeping>().RunAsync());
        }
        await using var again = core.Scope();
        Assert.Equal(HousekeepingResult.None, await again.Get<Housekeeping>().RunAsync());

        var db2 = again.Db;
        Assert.Equal(["dead-recent", "pending-ancient", "sent-recent"],
            await db2.OutboxMessages.OrderBy(m => m.IdempotencyKey).Select(m => m.IdempotencyKey!).ToListAsync());
        Assert.Equal(3, await db2.Invoices.CountAsync());
        Assert.Equal(2, await db2.Purchases.CountAsync());
        Assert.Equal(1, await db2.LedgerEntries.CountAsync());
        Assert.Equal(1, await db2.AuditEntries.CountAsync(e => e.Action == Core.Audit.AuditActions.ReconciliationRequested));
        Assert.Equal([2L], await db2.ProcessedUpdates.Select(u => u.UpdateId).ToListAsync());
    }

    [Fact]
    public async Task Update_ids_stay_for_the_configured_days_but_never_less_than_the_redelivery_horizon()
    {
        await using (var db = database.CreateContext())
        {
            await db.ProcessedUpdates.ExecuteDeleteAsync();
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { UpdateId = 11, ReceivedAt = Now.AddHours(-49) },
                new ProcessedUpdate { UpdateId = 12, ReceivedAt = Now.AddHours(-47) });
            await db.SaveChangesAsync();
        }
        await using var core = database.Core(
            new FakeTimeProvider(Now), new Dictionary<string, string?> { ["Housekeeping:ProcessedUpdateDays"] = "2" });

        await using var run = core.Scope();
        Assert.Equal(1, (await run.Get<Housekeeping>().RunAsync()).ProcessedUpdatesDeleted);
        Assert.Equal([12L], await run.Db.ProcessedUpdates.Select(u => u.UpdateId).ToListAsync());
    }
}
