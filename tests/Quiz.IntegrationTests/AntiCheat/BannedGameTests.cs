using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
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
}
