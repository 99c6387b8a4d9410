using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

public sealed class TournamentEntryTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Eight_parallel_joins_use_one_ticket_and_make_one_entry()
    {
        var id = await T.ScheduledAsync();
        var player = await Kit.NewPlayerAsync("Emil");
        await T.GrantTicketsAsync(player, 2);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => T.JoinAsync(player, id)));

        Assert.Single(outcomes, o => o.Outcome == JoinOutcome.Joined);
        Assert.All(outcomes, o => Assert.Contains(o.Outcome, new[] { JoinOutcome.Joined, JoinOutcome.AlreadyJoined }));
        Assert.Equal(1, await T.HeldAsync(player, AssetKind.TournamentTicket));
        await using var db = T.Context();
        Assert.Equal(1, await db.TournamentEntries.CountAsync(e => e.TournamentId == id && e.PlayerId == player));
        var used = Assert.Single(await db.LedgerEntries.Where(l => l.PlayerId == player && l.Reason == LedgerReason.Consumption).ToListAsync());
        Assert.Equal(TournamentService.EntryKey(id, player), used.IdempotencyKey);
    }

    [Fact]
    public async Task Without_a_ticket_the_player_is_refused_and_nothing_changes()
    {
        var id = await T.ScheduledAsync();
        var player = await Kit.NewPlayerAsync("Frida");

        var refused = await T.JoinAsync(player, id);

        Assert.Equal(JoinOutcome.NoTicket, refused.Outcome);
        Assert.False(refused.Tournament!.Joined);
        await using var db = T.Context();
        Assert.False(await db.TournamentEntries.AnyAsync(e => e.PlayerId == player));
        Assert.False(await db.LedgerEntries.AnyAsync(l => l.PlayerId == player));
    }

    [Fact]
    public async Task Eight_parallel_plays_create_one_session_and_the_database_refuses_a_second_entry()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free);
        var player = await Kit.NewPlayerAsync("Gero");
        await T.JoinAsync(player, id);
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();

        var plays = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => T.PlayAsync(player, id)));

        Assert.All(plays, p => Assert.Equal(PlayOutcome.Started, p.Outcome));
        Assert.Single(plays.Select(p => p.SessionId).Distinct());
        await using var db = T.Context();
        Assert.Equal(1, await db.GameSessions.CountAsync(s => s.PlayerId == player && s.Mode == GameMode.Tournament));
        db.TournamentEntries.Add(new TournamentEntry { TournamentId = id, PlayerId = player, JoinedAt = Time.GetUtcNow() });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Drafts_are_invisible_and_finished_tournaments_are_closed_to_new_players()
    {
        var now = Time.GetUtcNow();
        var draft = await T.Admin().CreateAsync(new TournamentDraft("Entwurf", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 5), TournamentKit.Operator);
        var player = await Kit.NewPlayerAsync("Hana");
        Assert.Equal(JoinOutcome.NotFound, (await T.JoinAsync(player, draft.Id!.Value)).Outcome);
        Assert.Equal(JoinOutcome.NotFound, (await T.JoinAsync(player, Guid.NewGuid())).Outcome);

        var id = await T.ScheduledAsync(TournamentEntryFee.Free);
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        Assert.Equal(JoinOutcome.Closed, (await T.JoinAsync(player, id)).Outcome);
        Assert.Equal(PlayOutcome.NotJoined, (await T.PlayAsync(player, id)).Outcome);
    }

    [Fact]
    public async Task The_console_refuses_invalid_tournaments_in_German()
    {
        var now = Time.GetUtcNow();
        var result = await T.Admin().CreateAsync(new TournamentDraft("  ", now.AddHours(2), now.AddHours(2).AddMinutes(1), TournamentEntryFee.Free, 2), TournamentKit.Operator);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["Der Titel fehlt.", "Ein Turnier hat 3 bis 30 Fragen.", "Das Turnier muss mindestens 5 Minuten dauern (Ende nach Beginn)."],
            result.Errors);
        var past = await T.Admin().CreateAsync(new TournamentDraft("Gestern", now.AddHours(-3), now.AddHours(-1), TournamentEntryFee.Free, 5), TournamentKit.Operator);
        Assert.Equal([TournamentRules.EndPassed], past.Errors);
    }

    [Fact]
    public async Task Eight_parallel_Mitspielen_presses_of_a_new_player_join_once_and_share_one_attempt()
    {
        var id = await T.ScheduledAsync();
        var player = await Kit.NewPlayerAsync("Ines");
        await T.GrantTicketsAsync(player, 3);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);

        var entries = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = Core.Scope();
            return await scope.Get<TournamentService>().EnterAsync(player, id);
        }));

        Assert.All(entries, e => Assert.Equal(PlayOutcome.Started, e.Play!.Outcome));
        Assert.Single(entries.Select(e => e.Play!.SessionId).Distinct());
        Assert.Single(entries, e => e.Joined?.Outcome == JoinOutcome.Joined);
        Assert.Equal(2, await T.HeldAsync(player, AssetKind.TournamentTicket));
    }

    [Fact]
    public async Task After_the_end_time_no_question_is_asked_and_no_answer_counts_even_before_the_finish_step_ran()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 5);
        var player = await Kit.NewPlayerAsync("Jonas");
        await T.JoinAsync(player, id);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        var session = (await T.PlayAsync(player, id)).SessionId!.Value;
        var first = (await Kit.NextAsync(session, player))!;

        Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(AnswerOutcome.SessionClosed, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        Assert.Null(await Kit.NextAsync(session, player));
        Assert.Equal(PlayOutcome.AlreadyPlayed, (await T.PlayAsync(player, id)).Outcome);
        await using var db = T.Context();
        Assert.False(await db.AnswerEvents.AnyAsync(a => a.SessionId == session));
    }

    [Fact]
    public async Task A_player_whose_question_only_timed_out_is_not_ranked()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var (idle, busy) = (await Kit.NewPlayerAsync("Idle"), await Kit.NewPlayerAsync("Busy"));
        foreach (var p in new[] { idle, busy }) await T.JoinAsync(p, id);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        var idleSession = (await T.PlayAsync(idle, id)).SessionId!.Value;
        await Kit.NextAsync(idleSession, idle);
        await Kit.PlayAsync((await T.PlayAsync(busy, id)).SessionId!.Value, busy, _ => false);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Kit.Timeouts().RunAsync();

        await T.Admin().FinishNowAsync(id, TournamentKit.Operator);

        await using var db = T.Context();
        Assert.True(await db.AnswerEvents.AnyAsync(a => a.SessionId == idleSession && a.ChosenPosition == null));
        var result = Assert.Single(await db.TournamentResults.Where(r => r.TournamentId == id).ToListAsync());
        // Busy answered (all wrong, 0 points): ranked, but a place without points earns nothing.
        Assert.Equal((busy, 1, (string?)null), (result.PlayerId, result.Rank, result.Reward));
    }
}
