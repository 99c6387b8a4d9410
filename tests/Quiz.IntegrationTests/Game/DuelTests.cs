using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class DuelTests(PostgresDatabase database) : GameKitTests(database)
{
    private async Task<DuelStart> ChallengeAsync(long player)
    {
        await using var scope = Core.Scope();
        return await scope.Get<DuelService>().ChallengeAsync(player);
    }

    private async Task<DuelStart> AcceptAsync(long player, string code)
    {
        await using var scope = Core.Scope();
        return await scope.Get<DuelService>().AcceptAsync(player, code);
    }

    private async Task<DuelView?> ViewAsync(Guid session)
    {
        await using var scope = Core.Scope();
        return await scope.Get<DuelService>().GetBySessionAsync(session);
    }

    [Fact]
    public async Task Both_players_get_the_same_seven_questions_and_the_first_to_finish_is_notified_once()
    {
        var anna = await Kit.NewPlayerAsync("Anna");
        var ben = await Kit.NewPlayerAsync("Ben");
        var challenge = await ChallengeAsync(anna);
        Assert.Equal(DuelOutcome.Started, challenge.Outcome);
        var annaQuestions = await Kit.PlayAsync(challenge.SessionId!.Value, anna, i => i < 5);
        Assert.Equal(DuelState.Open, (await ViewAsync(challenge.SessionId.Value))!.State);

        Time.Advance(TimeSpan.FromHours(30));
        var accepted = await AcceptAsync(ben, challenge.Code!.ToUpperInvariant());
        Assert.Equal((DuelOutcome.Started, "Anna"), (accepted.Outcome, accepted.ChallengerName));
        var benQuestions = await Kit.PlayAsync(accepted.SessionId!.Value, ben, _ => true);

        Assert.Equal(7, annaQuestions.Count);
        Assert.Equal(annaQuestions, benQuestions);
        var benView = await ViewAsync(accepted.SessionId.Value);
        var annaView = await ViewAsync(challenge.SessionId.Value);
        Assert.Equal((DuelState.Completed, true, false), (benView!.State, benView.Won, annaView!.Won));
        Assert.Equal(("Anna", 5), (benView.Opponent!.FirstName, benView.Opponent.CorrectCount));

        await using var db = Kit.Context();
        var annaChat = await db.Players.Where(p => p.Id == anna).Select(p => p.TelegramUserId).SingleAsync();
        var notices = (await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Notice).ToListAsync())
            .Select(m => (m.ChatId, Notice: OutboxWriter.ReadPayload<NoticePayload>(m.Payload)))
            .Where(m => m.Notice.Topic == GameNotices.DuelResult && m.Notice.SessionId == challenge.SessionId);
        Assert.Equal(annaChat, Assert.Single(notices).ChatId);
    }

    [Fact]
    public async Task A_duel_is_refused_to_its_challenger_a_second_opponent_and_after_48_hours()
    {
        var anna = await Kit.NewPlayerAsync("Anna");
        var challenge = await ChallengeAsync(anna);
        Assert.Equal(DuelOutcome.OwnDuel, (await AcceptAsync(anna, challenge.Code!)).Outcome);
        Assert.Equal(DuelOutcome.NotFound, (await AcceptAsync(anna, "zzzzzzzzzz")).Outcome);
        Assert.Equal(DuelOutcome.NotFound, (await AcceptAsync(anna, "'; drop table duels; --")).Outcome);

        var late = await ChallengeAsync(anna);
        Time.Advance(Duel.AcceptWindow);
        Assert.Equal(DuelOutcome.Expired, (await AcceptAsync(await Kit.NewPlayerAsync(), late.Code!)).Outcome);
    }

    [Fact]
    public async Task Of_many_players_accepting_one_duel_at_once_exactly_one_gets_it()
    {
        var anna = await Kit.NewPlayerAsync("Anna");
        var challenge = await ChallengeAsync(anna);
        var players = new List<long>();
        for (var i = 0; i < 8; i++) players.Add(await Kit.NewPlayerAsync());

        var results = await Task.WhenAll(players.Select(p => Task.Run(() => AcceptAsync(p, challenge.Code!))));

        Assert.Equal(1, results.Count(r => r.Outcome == DuelOutcome.Started));
        Assert.Equal(7, results.Count(r => r.Outcome == DuelOutcome.Taken));
        await using var db = Kit.Context();
        Assert.NotNull((await db.Duels.SingleAsync(d => d.Code == challenge.Code)).OpponentSessionId);
    }

    [Fact]
    public async Task When_both_sides_finish_at_the_same_moment_the_duel_completes_exactly_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var anna = await Kit.NewPlayerAsync("Anna");
            var ben = await Kit.NewPlayerAsync("Ben");
            var challenge = await ChallengeAsync(anna);
            var accepted = await AcceptAsync(ben, challenge.Code!);
            var sides = new[] { (anna, challenge.SessionId!.Value), (ben, accepted.SessionId!.Value) };
            foreach (var (player, session) in sides)
            {
                for (var i = 0; i < 6; i++)
                {
                    await Kit.NextAsync(session, player);
                    await Kit.AnswerAsync(session, player, i, correct: true);
                }
                await Kit.NextAsync(session, player);
            }

            using var barrier = new Barrier(2);
            await Task.WhenAll(sides.Select(side => Task.Run(async () =>
            {
                var position = await Kit.CorrectPositionAsync(side.Item2, 6);
                await using var scope = Core.Scope();
                await scope.Db.Database.OpenConnectionAsync();
                barrier.SignalAndWait();
                return await scope.Get<AnswerService>().SubmitAnswerAsync(side.Item2, side.Item1, 6, position);
            })));

            await using var check = Kit.Context();
            var duel = await check.Duels.SingleAsync(d => d.Code == challenge.Code);
            Assert.Equal(DuelState.Completed, duel.State);
            Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"duel-result:{duel.Id:N}"));
        }
    }
}
