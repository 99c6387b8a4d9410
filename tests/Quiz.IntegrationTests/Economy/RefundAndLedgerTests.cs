using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

public sealed class RefundAndLedgerTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    [Fact]
    public async Task A_refund_requested_and_completed_twice_revokes_what_is_left_once()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "spiele-10"));
        var purchase = (await Kit.ConfirmAsync(payment)).PurchaseId!.Value;
        await using (var db = Database.CreateContext())
        {
            Assert.True(await Wallet.TryConsumeAsync(db, player, AssetKind.GameCredit, "test-use-1", null, Time.GetUtcNow(), default));
        }

        Assert.Equal(RefundOutcome.Requested, await Kit.RequestRefundAsync(purchase));
        Assert.Equal(RefundOutcome.AlreadyRequested, await Kit.RequestRefundAsync(purchase));
        var completions = await StartLine.RunAsync(8, async line =>
        {
            await line.ArriveAsync();
            return await Kit.CompleteRefundAsync(payment.TelegramPaymentChargeId);
        });

        Assert.Equal(1, completions.Count(c => c == RefundOutcome.Completed));
        Assert.Equal(7, completions.Count(c => c == RefundOutcome.AlreadyRefunded));
        Assert.Equal(RefundOutcome.AlreadyRefunded, await Kit.RequestRefundAsync(purchase));
        Assert.Equal(0, (await Kit.HoldingsAsync(player)).Games);
        await using var check = Database.CreateContext();
        Assert.Equal([10, -1, -9], await check.LedgerEntries.Where(l => l.PlayerId == player).OrderBy(l => l.Id).Select(l => l.Delta).ToListAsync());
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.RefundStarPayment && m.IdempotencyKey == $"refund:{purchase:N}"));
        Assert.Equal(PurchaseStatus.Refunded, (await check.Purchases.SingleAsync(p => p.Id == purchase)).Status);
    }

    [Fact]
    public async Task Credits_pay_for_games_beyond_the_free_quota_once_per_session_and_premium_is_unlimited()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        await Kit.ConfirmAsync(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "spiele-10")));
        var starts = new List<StartResult>();
        for (var i = 0; i < 7; i++)
        {
            await using var scope = Core.Scope();
            starts.Add(await scope.Get<GameService>().StartSessionAsync(player, GameMode.Quick));
        }
        Assert.Equal([.. Enumerable.Repeat(Allowance.Free, 5), Allowance.Credit, Allowance.Credit], starts.Select(s => s.PaidWith));
        Assert.Equal(8, (await Kit.HoldingsAsync(player)).Games);

        await Kit.ConfirmAsync(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "premium-30")) with { IsRecurring = true, IsFirstRecurring = true });
        await using var again = Core.Scope();
        Assert.Equal(Allowance.Premium, (await again.Get<GameService>().StartSessionAsync(player, GameMode.Survival)).PaidWith);
        Assert.Equal(8, (await Kit.HoldingsAsync(player)).Games);
    }

    [Fact]
    public async Task After_a_random_run_of_purchases_consumption_and_refunds_the_ledger_explains_every_holding()
    {
        var random = new Random(20261127);
        var players = new List<(long Id, long Telegram)>();
        for (var i = 0; i < 6; i++) players.Add(await Kit.NewPlayerAsync());
        var charges = new List<string>();
        string[] packages = ["spiele-10", "extra-leben-3", "joker-5", "turnier-ticket"];
        var kinds = Enum.GetValues<AssetKind>().Where(k => k != AssetKind.Premium).ToArray();

        await StartLine.RunAsync(3, async line =>
        {
            await line.ArriveAsync();
            for (var step = 0; step < 60; step++)
            {
                int action, who, what;
                lock (random) (action, who, what) = (random.Next(3), random.Next(players.Count), random.Next(1000));
                var (id, telegram) = players[who];
                if (action == 0)
                {
                    var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(id, packages[what % packages.Length]));
                    await Kit.ConfirmAsync(payment);
                    lock (charges) charges.Add(payment.TelegramPaymentChargeId);
                }
                else if (action == 1)
                {
                    await using var db = Database.CreateContext();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    await Wallet.TryConsumeAsync(db, id, kinds[what % kinds.Length], $"random-use-{Guid.NewGuid():N}", null, Time.GetUtcNow(), default);
                    await tx.CommitAsync();
                }
                else
                {
                    string? charge;
                    lock (charges) charge = charges.Count == 0 ? null : charges[what % charges.Count];
                    if (charge is not null) await Kit.CompleteRefundAsync(charge);
                }
            }
            return 0;
        });

        await Kit.AssertLedgerBalancesAsync();
        await using var check = Database.CreateContext();
        Assert.True(await check.LedgerEntries.AnyAsync(l => l.Reason == LedgerReason.Refund));
        Assert.True(await check.LedgerEntries.AnyAsync(l => l.Reason == LedgerReason.Consumption));
    }

    /// <summary>
    /// Even the schema's owner (the services' role may not even try: <c>ServiceRoleTests</c>) cannot change history.
    /// </summary>
    [Fact]
    public async Task The_database_refuses_to_change_delete_or_truncate_ledger_entries()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        await Kit.ConfirmAsync(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "spiele-10")));
        await using var db = Database.CreateOwnerContext();
        var entry = await db.LedgerEntries.AsNoTracking().Where(l => l.PlayerId == player).SingleAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.LedgerEntries.Where(l => l.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Delta, 1000)));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.LedgerEntries.Where(l => l.Id == entry.Id).ExecuteDeleteAsync());
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE ledger_entries CASCADE"));

        Assert.All([update, delete, truncate], ex => Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal));
        Assert.Equal(entry.Delta, (await db.LedgerEntries.AsNoTracking().SingleAsync(l => l.Id == entry.Id)).Delta);
    }
}
