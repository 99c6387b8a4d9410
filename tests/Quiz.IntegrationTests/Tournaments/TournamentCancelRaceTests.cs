using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game.Selection;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// A cancel on real PostgreSQL against whatever else may happen at once (ADR 0016): cancels racing each other, a
/// cancel racing the finish step, and a cancel killed in the middle of a batch (its backend terminated while it
/// waits for a ticket row) — every entry ticket comes back exactly once (the unique ledger key) and every entrant
/// gets exactly one notice.
/// </summary>
public sealed class TournamentCancelRaceTests(PostgresDatabase database) : GameKitTests(database)
{
    private const int Batch = 2;

    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Four_cancels_racing_return_every_ticket_once_and_only_one_of_them_cancels()
    {
        var (id, entrants) = await WithTicketEntrantsAsync(9);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CancelAsync(id))));

        Assert.Equal(1, outcomes.Count(o => o == TransitionOutcome.Changed));
        await AssertReturnedOnceAsync(id, entrants);
    }

    [Fact]
    public async Task A_cancel_racing_the_finish_step_either_cancels_with_tickets_back_or_finishes_without_never_both()
    {
        var cancelled = 0;
        for (var round = 0; round < 6; round++)
        {
            var (id, entrants) = await WithTicketEntrantsAsync(3);
            await T.Admin().StartNowAsync(id, TournamentKit.Operator);
            Time.Advance(TimeSpan.FromHours(3));

            var race = await Task.WhenAll(Task.Run(() => CancelAsync(id)), Task.Run(() => FinishStepAsync(id)));

            Assert.Equal(1, race.Count(o => o == TransitionOutcome.Changed));
            if (race[0] == TransitionOutcome.Changed)
            {
                cancelled++;
                await AssertReturnedOnceAsync(id, entrants);
                await using var db = T.Context();
                Assert.False(await db.TournamentResults.AnyAsync(r => r.TournamentId == id));
                continue;
            }
            Assert.Equal(TournamentState.Rewarded, (await T.LoadAsync(id)).State);
            foreach (var p in entrants) Assert.Equal(0, await T.HeldAsync(p, AssetKind.TournamentTicket));
            Assert.Empty(await T.CancelNoticesAsync(id));
        }
        // Which one wins each round is up to the scheduler; the invariant above holds either way.
        Assert.InRange(cancelled, 0, 6);
    }

    [Fact]
    public async Task A_cancel_killed_inside_a_batch_keeps_the_tournament_closed_and_the_clock_returns_the_rest_once()
    {
        var (id, entrants) = await WithTicketEntrantsAsync(6);
        // The first player of the second batch: another transaction holds their ticket row.
        var blocked = entrants.Order().ElementAt(Batch);
        await using var blocker = new NpgsqlConnection(Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM entitlements WHERE player_id = {blocked} AND kind = 'tournamentticket' FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var worker = Task.Run(() => CancelAsync(id));
        await using var observer = new NpgsqlConnection(Database.ConnectionString);
        await observer.OpenAsync();
        var pid = await LockWaits.WaitingBackendAsync(observer, "%tournamentticket%FOR UPDATE%", worker);
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", observer)) await kill.ExecuteScalarAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => worker);
        await hold.RollbackAsync();

        var t = await T.LoadAsync(id);
        Assert.Equal((TournamentState.Cancelled, (DateTimeOffset?)null), (t.State, t.CancelCompletedAt));
        Assert.Equal(entrants.Order().Take(Batch), await ReturnedToAsync(id));
        Assert.Equal(JoinOutcome.Cancelled, (await T.JoinAsync(await Kit.NewPlayerAsync(), id)).Outcome);

        await T.ClockAsync();
        Assert.Equal(TransitionOutcome.NoChange, await CancelAsync(id));
        await AssertReturnedOnceAsync(id, entrants);
    }

    private async Task<TransitionOutcome> CancelAsync(Guid id)
    {
        await using var scope = Core.Scope();
        var lifecycle = new TournamentLifecycle(scope.Get<QuizDbContext>(), Time, scope.Get<SharedSetSeeds>()) { ReturnBatch = Batch };
        return await lifecycle.CancelAsync(id, TournamentKit.Operator);
    }

    private async Task<TransitionOutcome> FinishStepAsync(Guid id)
    {
        await using var scope = Core.Scope();
        return await scope.Get<TournamentLifecycle>().RunStepAsync(id, TournamentStep.Finish);
    }

    /// <summary>A scheduled ticket tournament that <paramref name="count"/> new players joined with their one ticket.</summary>
    private async Task<(Guid Id, List<long> Entrants)> WithTicketEntrantsAsync(int count)
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Ticket, questions: 3);
        var entrants = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var player = await Kit.NewPlayerAsync();
            await T.GrantTicketsAsync(player, 1);
            Assert.Equal(JoinOutcome.Joined, (await T.JoinAsync(player, id)).Outcome);
            entrants.Add(player);
        }
        return (id, entrants);
    }

    private async Task<List<long>> ReturnedToAsync(Guid id)
    {
        await using var db = T.Context();
        return await db.LedgerEntries.Where(l => l.Reason == LedgerReason.Returned && l.IdempotencyKey.StartsWith($"tournament-return:{id:N}:"))
            .Select(l => l.PlayerId).OrderBy(p => p).ToListAsync();
    }

    private async Task AssertReturnedOnceAsync(Guid id, List<long> entrants)
    {
        var t = await T.LoadAsync(id);
        Assert.Equal(TournamentState.Cancelled, t.State);
        Assert.NotNull(t.CancelCompletedAt);
        Assert.Equal(entrants.Order(), await ReturnedToAsync(id));
        foreach (var p in entrants) Assert.Equal(1, await T.HeldAsync(p, AssetKind.TournamentTicket));
        Assert.Equal(entrants.Order(), (await T.CancelNoticesAsync(id)).Select(n => long.Parse(n.IdempotencyKey!.Split(':')[^1])).Order());
    }
}
