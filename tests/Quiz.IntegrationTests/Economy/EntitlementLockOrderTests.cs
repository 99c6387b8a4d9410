using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// Tournament rewards, purchases and refunds all change several entitlement rows of the same players
/// in one transaction. Run together they must never deadlock (40P01), and every grant and revocation
/// still happens exactly once.
/// </summary>
public sealed class EntitlementLockOrderTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private const string Bundle = "turnier-bundle";
    private const int Players = 4;
    private static readonly Contents BundleContents = new(0, 0, 3, 1, 0);

    private EconomyKit Kit => new(Core);

    [Fact]
    public async Task Rewards_purchases_and_refunds_of_the_same_players_never_deadlock_and_grant_exactly_once()
    {
        await RunRoundsAsync(rounds: 25, tournamentsPerRound: 1);
    }

    [Fact]
    public async Task Two_tournaments_rewarding_the_same_players_in_opposite_rank_orders_never_deadlock()
    {
        await RunRoundsAsync(rounds: 15, tournamentsPerRound: 2);
    }

    private async Task RunRoundsAsync(int rounds, int tournamentsPerRound)
    {
        await EnsureBundleAsync();
        var players = new List<(long Id, long Telegram)>();
        for (var i = 0; i < Players; i++) players.Add(await Kit.NewPlayerAsync());
        var ids = players.Select(p => p.Id).ToList();

        var deadlocks = 0;
        for (var round = 0; round < rounds; round++)
        {
            var tournaments = new List<Guid>();
            for (var t = 0; t < tournamentsPerRound; t++) tournaments.Add(await FinishedTournamentAsync(t % 2 == 0 ? ids : [.. Enumerable.Reverse(ids)]));
            var toRefund = new List<string>();
            var toConfirm = new List<PaymentReceived>();
            foreach (var (id, telegram) in players)
            {
                var earlier = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(id, Bundle));
                Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(earlier)).Outcome);
                toRefund.Add(earlier.TelegramPaymentChargeId);
                toConfirm.Add(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(id, Bundle)));
            }

            var work = new List<Func<CoreScope, Task>>();
            work.AddRange(tournaments.Select(t => (Func<CoreScope, Task>)(s => s.Get<TournamentLifecycle>().IssueRewardsAsync(t))));
            work.AddRange(toConfirm.Select(p => (Func<CoreScope, Task>)(s => s.Get<PurchaseConfirmation>().ConfirmAsync(p))));
            work.AddRange(toRefund.Select(c => (Func<CoreScope, Task>)(s => s.Get<Refunds>().CompleteAsync(c))));
            var line = new StartLine(work.Count);
            var failures = await Task.WhenAll(work.Select(w => Task.Run(async () =>
            {
                await using var scope = Core.Scope();
                await scope.Db.Database.OpenConnectionAsync();
                await line.ArriveAsync();
                try
                {
                    await w(scope);
                    return null;
                }
                catch (Exception e) when (Deadlock(e))
                {
                    return e;
                }
            })));
            deadlocks += failures.Count(f => f is not null);
        }

        Assert.Equal(0, deadlocks);
        // Per round and player: each tournament 2 tickets + 5 jokers (Platz 1), one bundle kept, one bought and refunded.
        foreach (var id in ids)
        {
            var held = await Kit.HoldingsAsync(id);
            Assert.Equal(rounds * (tournamentsPerRound * 2 + 1), held.TournamentTickets);
            Assert.Equal(rounds * (tournamentsPerRound * 5 + 3), held.Jokers);
        }
        await using var db = Database.CreateContext();
        var mine = db.LedgerEntries.Where(l => ids.Contains(l.PlayerId));
        Assert.Equal(rounds * tournamentsPerRound * Players * 2, await mine.CountAsync(l => l.Reason == LedgerReason.Reward));
        Assert.Equal(rounds * 2 * Players * 2, await mine.CountAsync(l => l.Reason == LedgerReason.Purchase));
        Assert.Equal(rounds * Players * 2, await mine.CountAsync(l => l.Reason == LedgerReason.Refund));
        Assert.Equal(rounds * Players, await db.Purchases.CountAsync(p => ids.Contains(p.PlayerId) && p.Status == PurchaseStatus.Refunded));
        await Kit.AssertLedgerBalancesAsync();
    }

    private static bool Deadlock(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected }
        || (e.InnerException is { } inner && Deadlock(inner));

    /// <summary>A package granting jokers and a ticket, so a purchase and a refund each touch both rows.</summary>
    private async Task EnsureBundleAsync()
    {
        await using var db = Database.CreateContext();
        if (await db.Packages.AnyAsync(p => p.Id == Bundle)) return;
        var now = Time.GetUtcNow();
        db.Packages.Add(new Package
        {
            Id = Bundle, Title = "Turnier-Paket", Description = "Ein Ticket und drei Joker.", PriceStars = 60, Contents = BundleContents,
            IsActive = true, SortOrder = 99, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A finished tournament whose snapshot ranks <paramref name="ranking"/> in this order, everyone on Platz-1 rewards.</summary>
    private async Task<Guid> FinishedTournamentAsync(IReadOnlyList<long> ranking)
    {
        var now = Time.GetUtcNow();
        var id = Guid.NewGuid();
        await using var db = Database.CreateContext();
        var set = new QuestionSet { Id = Guid.NewGuid(), Kind = QuestionSetKind.Tournament, Key = id.ToString("N"), Seed = 1, CreatedAt = now };
        db.QuestionSets.Add(set);
        db.Tournaments.Add(new Tournament
        {
            Id = id, Title = "Sperrturnier", State = TournamentState.Finished, EntryFee = TournamentEntryFee.Free, QuestionCount = 5,
            StartsAt = now.AddHours(-3), EndsAt = now.AddHours(-1), QuestionSetId = set.Id, CreatedBy = "test", CreatedAt = now.AddHours(-4),
            StartedAt = now.AddHours(-3), FinishedAt = now.AddHours(-1),
        });
        for (var rank = 1; rank <= ranking.Count; rank++)
        {
            db.TournamentEntries.Add(new TournamentEntry { TournamentId = id, PlayerId = ranking[rank - 1], JoinedAt = now.AddHours(-4) });
            db.TournamentResults.Add(new TournamentResult
            {
                TournamentId = id, PlayerId = ranking[rank - 1], Rank = rank, Points = 100 - rank, Reward = TournamentRewards.Winner.Name,
            });
        }
        await db.SaveChangesAsync();
        return id;
    }
}
