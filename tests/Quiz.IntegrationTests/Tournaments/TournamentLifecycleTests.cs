using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

public sealed class TournamentLifecycleTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task A_ticket_tournament_runs_from_schedule_to_rewards_with_the_same_questions_for_everyone()
    {
        var id = await T.ScheduledAsync(questions: 5);
        var (anna, ben, cem) = (await Kit.NewPlayerAsync("Anna"), await Kit.NewPlayerAsync("Ben"), await Kit.NewPlayerAsync("Cem"));
        foreach (var p in new[] { anna, ben, cem }) await T.GrantTicketsAsync(p, 1);

        foreach (var p in new[] { anna, ben, cem })
        {
            var joined = await T.JoinAsync(p, id);
            Assert.Equal((JoinOutcome.Joined, true), (joined.Outcome, joined.TicketUsed));
            Assert.Equal(JoinOutcome.AlreadyJoined, (await T.JoinAsync(p, id)).Outcome);
        }
        Assert.Equal(0, await T.HeldAsync(anna, AssetKind.TournamentTicket));
        Assert.Equal(PlayOutcome.NotStarted, (await T.PlayAsync(anna, id)).Outcome);
        await T.ClockAsync();
        Assert.Equal(TournamentState.Scheduled, (await T.LoadAsync(id)).State);

        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        Assert.Equal(TournamentState.Active, (await T.LoadAsync(id)).State);
        Assert.Equal(3, (await T.NoticeKeysAsync(id, TournamentNotices.Started)).Count);

        var annaSession = (await T.PlayAsync(anna, id)).SessionId!.Value;
        var benSession = (await T.PlayAsync(ben, id)).SessionId!.Value;
        var annaQuestions = await Kit.PlayAsync(annaSession, anna, _ => true, TimeSpan.FromSeconds(3));
        var benQuestions = await Kit.PlayAsync(benSession, ben, ordinal => ordinal != 2, TimeSpan.FromSeconds(2));
        Assert.Equal(5, annaQuestions.Count);
        Assert.Equal(annaQuestions, benQuestions);
        Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(annaSession)).State);
        Assert.Equal(PlayOutcome.AlreadyPlayed, (await T.PlayAsync(anna, id)).Outcome);

        var live = (await T.StandingsAsync(id, ben))!;
        Assert.False(live.Final);
        Assert.Equal(["Anna", "Ben"], live.Top.Select(l => l.FirstName));
        Assert.Equal(2, live.Own!.Rank);

        Time.Advance(TimeSpan.FromHours(2));
        await T.ClockAsync();
        Assert.Equal(TournamentState.Finished, (await T.LoadAsync(id)).State);
        await T.ClockAsync();
        Assert.Equal(TournamentState.Rewarded, (await T.LoadAsync(id)).State);
        await T.ClockAsync();

        var final = (await T.StandingsAsync(id, cem))!;
        Assert.True(final.Final);
        Assert.Null(final.Own);
        Assert.Equal([(1, "Anna", "Platz 1"), (2, "Ben", "Platz 2–3")], final.Top.Select(l => (l.Rank, l.FirstName, l.Reward!)));
        Assert.Equal((2, 5), (await T.HeldAsync(anna, AssetKind.TournamentTicket), await T.HeldAsync(anna, AssetKind.Joker)));
        Assert.Equal((1, 3), (await T.HeldAsync(ben, AssetKind.TournamentTicket), await T.HeldAsync(ben, AssetKind.Joker)));
        Assert.Equal((0, 0), (await T.HeldAsync(cem, AssetKind.TournamentTicket), await T.HeldAsync(cem, AssetKind.Joker)));
        // Cem joined and never played: unranked, no reward, but told how it ended like everyone who joined.
        Assert.Equal(3, (await T.NoticeKeysAsync(id, TournamentNotices.Result)).Count);
    }

    [Fact]
    public async Task Finishing_ends_open_attempts_so_a_later_answer_does_not_count()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 5);
        var player = await Kit.NewPlayerAsync("Dora");
        var joined = await T.JoinAsync(player, id);
        Assert.Equal((JoinOutcome.Joined, false), (joined.Outcome, joined.TicketUsed));
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        var session = (await T.PlayAsync(player, id)).SessionId!.Value;
        var first = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(AnswerOutcome.Correct, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        var second = (await Kit.NextAsync(session, player))!;

        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NoChange, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));

        Assert.Equal(AnswerOutcome.SessionClosed, (await Kit.AnswerAsync(session, player, second.Ordinal, correct: true)).Outcome);
        Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(session)).State);
        Assert.Equal(PlayOutcome.AlreadyPlayed, (await T.PlayAsync(player, id)).Outcome);
        var line = Assert.Single((await T.StandingsAsync(id, player))!.Top);
        Assert.Equal((1, 1), (line.Rank, line.CorrectAnswers));
        await using var db = T.Context();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Equal([AuditActions.TournamentCreated, AuditActions.TournamentScheduled, AuditActions.TournamentFinished], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TournamentKit.Operator, a.Actor));
    }

    [Fact]
    public async Task Parallel_clocks_change_each_state_once_and_issue_each_reward_and_notice_once()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var players = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var p = await Kit.NewPlayerAsync($"P{i}");
            players.Add(p);
            await T.JoinAsync(p, id);
        }
        Time.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => T.ClockAsync()));
        Assert.Equal(TournamentState.Active, (await T.LoadAsync(id)).State);
        foreach (var (p, i) in players.Select((p, i) => (p, i)))
        {
            await Kit.PlayAsync((await T.PlayAsync(p, id)).SessionId!.Value, p, ordinal => ordinal < 3 - (i % 3), TimeSpan.FromSeconds(1 + i));
        }

        Time.Advance(TimeSpan.FromHours(2));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => T.ClockAsync()));
        Assert.Contains((await T.LoadAsync(id)).State, new[] { TournamentState.Finished, TournamentState.Rewarded });
        for (var round = 0; round < 3; round++) await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => T.RewardAsync(id)));
        await T.ClockAsync();

        Assert.Equal(TournamentState.Rewarded, (await T.LoadAsync(id)).State);
        await using var db = T.Context();
        var results = await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).ToListAsync();
        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Rank));
        var rewards = await db.LedgerEntries.Where(l => l.Reason == LedgerReason.Reward && l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:")).ToListAsync();
        // Platz 1: tickets + jokers, Platz 2 and 3: tickets + jokers, Platz 4 (top 10 % of 4 is rank 1): nothing.
        Assert.Equal(6, rewards.Count);
        Assert.Equal(4, (await T.NoticeKeysAsync(id, TournamentNotices.Result)).Count);
        Assert.Equal(4, (await T.NoticeKeysAsync(id, TournamentNotices.Started)).Count);
        foreach (var p in players) _ = await T.HeldAsync(p, AssetKind.Joker);
    }
}
