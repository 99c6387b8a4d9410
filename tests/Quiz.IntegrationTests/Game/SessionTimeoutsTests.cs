using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class SessionTimeoutsTests(PostgresDatabase database) : GameKitTests(database)
{
    private async Task<List<NoticePayload>> NoticesAsync(Guid session)
    {
        await using var db = Kit.Context();
        var rows = await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Notice).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => OutboxWriter.ReadPayload<NoticePayload>(r.Payload)).Where(n => n.SessionId == session).ToList();
    }

    [Fact]
    public async Task A_silent_player_gets_the_answer_revealed_once_and_the_game_pauses_until_weiter()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        await Kit.NextAsync(session, player);

        Time.Advance(TimeSpan.FromSeconds(22));
        Assert.Equal(0, (await Kit.Timeouts().RunAsync()).Revealed); // inside the grace period a late tap still arrives first
        Time.Advance(TimeSpan.FromSeconds(4));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Kit.Timeouts().RunAsync())));

        Assert.True(runs.Sum(r => r.Revealed) >= 1);
        Assert.Equal(SessionState.Paused, (await Kit.SessionAsync(session)).State);
        Assert.Equal([(GameNotices.QuestionTimedOut, 0)], (await NoticesAsync(session)).Select(n => (n.Topic, n.Ordinal ?? -1)));
        Assert.Equal(AnswerOutcome.AlreadyAnswered, (await Kit.AnswerAsync(session, player, 0, correct: true)).Outcome);

        var next = await Kit.NextAsync(session, player);
        Assert.Equal(1, next!.Ordinal);
        Assert.Equal(SessionState.Active, (await Kit.SessionAsync(session)).State);
    }

    [Fact]
    public async Task A_late_tap_inside_the_grace_period_counts_as_late_and_the_worker_leaves_it()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(21));

        var late = await Kit.AnswerAsync(session, player, 0, correct: true);
        Time.Advance(TimeSpan.FromSeconds(30));
        var run = await Kit.Timeouts().RunAsync();

        Assert.Equal((AnswerOutcome.Late, 0), (late.Outcome, late.Points));
        // The answer asked question 1 with it (ADR 0014); left unanswered, that one is revealed — question 0 is not.
        Assert.Equal(1, run.Revealed);
        Assert.Equal([(GameNotices.QuestionTimedOut, 1)], (await NoticesAsync(session)).Select(n => (n.Topic, n.Ordinal ?? -1)));
    }

    [Fact]
    public async Task A_game_idle_for_fifteen_minutes_ends_with_its_result_and_paused_games_too()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(3));
        await Kit.AnswerAsync(session, player, 0, correct: true);
        await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(30));
        await Kit.Timeouts().RunAsync();
        Assert.Equal(SessionState.Paused, (await Kit.SessionAsync(session)).State);

        Time.Advance(TimeSpan.FromMinutes(14));
        await Kit.Timeouts().RunAsync();
        Assert.Equal(SessionState.Paused, (await Kit.SessionAsync(session)).State);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Kit.Timeouts().RunAsync())));

        var ended = await Kit.SessionAsync(session);
        Assert.Equal((SessionState.Finished, 1), (ended.State, ended.CorrectCount));
        Assert.Equal([GameNotices.QuestionTimedOut, GameNotices.GameIdleEnded], (await NoticesAsync(session)).Select(n => n.Topic));
    }

    [Fact]
    public async Task A_timeout_on_the_last_question_finishes_the_game_and_announces_the_result()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        for (var i = 0; i < 9; i++)
        {
            await Kit.NextAsync(session, player);
            await Kit.AnswerAsync(session, player, i, correct: true);
        }
        await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(40));

        await Kit.Timeouts().RunAsync();

        Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(session)).State);
        Assert.Equal([GameNotices.QuestionTimedOut, GameNotices.GameEnded], (await NoticesAsync(session)).Select(n => n.Topic));
    }

    [Fact]
    public async Task An_unaccepted_duel_expires_after_48_hours_and_its_challenger_is_told_once()
    {
        var anna = await Kit.NewPlayerAsync("Anna");
        Guid duelSession;
        await using (var scope = Core.Scope())
        {
            duelSession = (await scope.Get<DuelService>().ChallengeAsync(anna)).SessionId!.Value;
        }
        Time.Advance(Duel.AcceptWindow - TimeSpan.FromMinutes(1));
        await Kit.Timeouts().RunAsync();
        await using (var db = Kit.Context())
        {
            Assert.Equal(DuelState.Open, (await db.Duels.SingleAsync(d => d.ChallengerSessionId == duelSession)).State);
        }

        Time.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Kit.Timeouts().RunAsync())));

        Assert.Single(await NoticesAsync(duelSession), n => n.Topic == GameNotices.DuelExpired);
        await using var check = Kit.Context();
        Assert.Equal(DuelState.Expired, (await check.Duels.SingleAsync(d => d.ChallengerSessionId == duelSession)).State);
    }
}
