using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>Cancelling a tournament (ADR 0016): tickets back once, every entrant told at the notice lane, nothing played or paid afterwards.</summary>
public sealed class TournamentCancelTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Cancelling_a_scheduled_tournament_returns_each_ticket_once_tells_every_entrant_and_refuses_entries()
    {
        var id = await T.ScheduledAsync();
        var (anna, ben, cem) = (await Kit.NewPlayerAsync("Anna"), await Kit.NewPlayerAsync("Ben"), await Kit.NewPlayerAsync("Cem"));
        foreach (var p in new[] { anna, ben }) await T.GrantTicketsAsync(p, 1);
        foreach (var p in new[] { anna, ben }) Assert.Equal(JoinOutcome.Joined, (await T.JoinAsync(p, id)).Outcome);
        Assert.Equal(0, await T.HeldAsync(anna, AssetKind.TournamentTicket));

        Assert.Equal(TransitionOutcome.Changed, await T.Admin().CancelAsync(id, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NoChange, await T.Admin().CancelAsync(id, TournamentKit.Operator));

        var t = await T.LoadAsync(id);
        Assert.Equal(TournamentState.Cancelled, t.State);
        Assert.NotNull(t.CancelCompletedAt);
        foreach (var p in new[] { anna, ben }) Assert.Equal(1, await T.HeldAsync(p, AssetKind.TournamentTicket));
        await using (var db = T.Context())
        {
            Assert.Equal(2, await db.LedgerEntries.CountAsync(l => l.Reason == LedgerReason.Returned && l.IdempotencyKey.StartsWith($"tournament-return:{id:N}:")));
            var notices = await T.CancelNoticesAsync(id);
            Assert.Equal(2, notices.Count);
            Assert.All(notices, n => Assert.Equal(OutboxLane.Bulk, n.Lane));
            var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
            Assert.Single(audit, a => a.Action == AuditActions.TournamentCancelled && a.Actor == TournamentKit.Operator);
        }
        await T.GrantTicketsAsync(cem, 1);
        Assert.Equal(JoinOutcome.Cancelled, (await T.JoinAsync(cem, id)).Outcome);
        Assert.Equal(1, await T.HeldAsync(cem, AssetKind.TournamentTicket));
        Assert.Equal(PlayOutcome.Cancelled, (await T.PlayAsync(anna, id)).Outcome);
        Assert.DoesNotContain(await OpenListAsync(anna), s => s.Id == id);
    }

    [Fact]
    public async Task Cancelling_a_running_tournament_ends_open_attempts_and_the_clock_never_finishes_or_rewards_it()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var anna = await Kit.NewPlayerAsync("Anna");
        await T.JoinAsync(anna, id);
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        var session = (await T.PlayAsync(anna, id)).SessionId!.Value;
        var first = await Kit.NextAsync(session, anna);
        Time.Advance(TimeSpan.FromSeconds(2));
        await Kit.AnswerAsync(session, anna, first!.Ordinal, correct: true);

        Assert.Equal(TransitionOutcome.Changed, await T.Admin().CancelAsync(id, TournamentKit.Operator));

        Assert.Equal(SessionState.Abandoned, (await Kit.SessionAsync(session)).State);
        Assert.Null(await Kit.NextAsync(session, anna));
        Assert.Equal(PlayOutcome.Cancelled, (await T.PlayAsync(anna, id)).Outcome);
        Time.Advance(TimeSpan.FromHours(3));
        await T.ClockAsync();
        await T.ClockAsync();
        Assert.Equal(TransitionOutcome.NoChange, await T.RewardAsync(id));
        Assert.Equal(TournamentState.Cancelled, (await T.LoadAsync(id)).State);
        await using var db = T.Context();
        Assert.False(await db.TournamentResults.AnyAsync(r => r.TournamentId == id));
        Assert.False(await db.LedgerEntries.AnyAsync(l => l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:")));
        Assert.Single(await T.CancelNoticesAsync(id));
    }

    [Fact]
    public async Task Finished_drafted_or_unknown_tournaments_cannot_be_cancelled()
    {
        var draft = (await T.Admin().CreateAsync(new TournamentDraft("Entwurf", Time.GetUtcNow().AddHours(1), Time.GetUtcNow().AddHours(2), TournamentEntryFee.Free, 3), TournamentKit.Operator)).Id!.Value;
        var finished = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        await T.Admin().StartNowAsync(finished, TournamentKit.Operator);
        await T.Admin().FinishNowAsync(finished, TournamentKit.Operator);

        Assert.Equal(TransitionOutcome.NoChange, await T.Admin().CancelAsync(draft, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NoChange, await T.Admin().CancelAsync(finished, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NotFound, await T.Admin().CancelAsync(Guid.NewGuid(), TournamentKit.Operator));
        Assert.Equal(TournamentState.Finished, (await T.LoadAsync(finished)).State);
    }

    private async Task<IReadOnlyList<TournamentSummary>> OpenListAsync(long player)
    {
        await using var scope = Core.Scope();
        return await scope.Get<TournamentService>().ListOpenAsync(player);
    }
}
