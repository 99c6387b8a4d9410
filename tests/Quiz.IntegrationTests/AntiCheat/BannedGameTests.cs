using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>A ban ends the player's running games: a later answer is not scored.</summary>
public sealed class BannedGameTests(PostgresDatabase database) : GameKitTests(database)
{
    [Fact]
    public async Task A_ban_ends_a_running_game_so_the_next_answer_is_not_scored()
    {
        var player = await Kit.NewPlayerAsync("Schummler");
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var first = (await Kit.NextAsync(session, player))!;
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AnswerOutcome.Correct, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);
        var second = (await Kit.NextAsync(session, player))!;

        Assert.Equal(ModerationResult.Done, await Core.Get<PlayerModeration>().BanAsync(player, "Antworten in 200 ms", "Mona Moderatorin"));

        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AnswerOutcome.SessionClosed, (await Kit.AnswerAsync(session, player, second.Ordinal, correct: true)).Outcome);
        var ended = await Kit.SessionAsync(session);
        Assert.Equal((SessionState.Abandoned, 1), (ended.State, ended.CorrectCount));
    }

    [Fact]
    public async Task A_banned_challenger_is_not_told_the_duel_result_when_the_opponent_finishes()
    {
        var cheat = await Kit.NewPlayerAsync("Schummler");
        var ben = await Kit.NewPlayerAsync("Ben");
        DuelStart challenge, accepted;
        await using (var scope = Core.Scope()) challenge = await scope.Get<DuelService>().ChallengeAsync(cheat);
        await Kit.PlayAsync(challenge.SessionId!.Value, cheat, _ => true);
        await using (var scope = Core.Scope()) accepted = await scope.Get<DuelService>().AcceptAsync(ben, challenge.Code!);

        await Core.Get<PlayerModeration>().BanAsync(cheat, "Antworten in 200 ms", "Mona Moderatorin");
        await Kit.PlayAsync(accepted.SessionId!.Value, ben, _ => true);

        await using var db = Kit.Context();
        Assert.Equal(DuelState.Completed, (await db.Duels.SingleAsync(d => d.ChallengerSessionId == challenge.SessionId)).State);
        var notices = (await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Notice).ToListAsync())
            .Select(m => OutboxWriter.ReadPayload<NoticePayload>(m.Payload));
        Assert.DoesNotContain(notices, n => n.Topic == GameNotices.DuelResult && n.SessionId == challenge.SessionId);
    }
}
