using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>The inline FastAnswers signal through the real answer path (the answer clock starts when the question goes out).</summary>
public sealed class FastAnswersTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.Zero))
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await GameTestKit.SeedBankAsync(Database, Time.GetUtcNow());
    }

    private async Task<List<CheatFlag>> FlagsAsync(long player)
    {
        await using var db = Database.CreateContext();
        return await db.CheatFlags.AsNoTracking().Where(f => f.PlayerId == player).ToListAsync();
    }

    [Fact]
    public async Task A_scripted_200_ms_perfect_player_is_flagged_within_one_game_with_the_times_as_evidence()
    {
        var kit = new GameTestKit(Database, Core, Time);
        var bot = await kit.NewPlayerAsync("Bot");
        var session = (await kit.StartAsync(bot, GameMode.Quick)).SessionId!.Value;

        await kit.PlayAsync(session, bot, _ => true, think: TimeSpan.FromMilliseconds(200));

        var flag = Assert.Single(await FlagsAsync(bot));
        Assert.Equal((FlagKind.FastAnswers, FastAnswerWatch.Subject(session), FlagStatus.Open, 100), (flag.Kind, flag.Subject, flag.Status, flag.Score));
        var evidence = JsonDocument.Parse(flag.Evidence).RootElement;
        Assert.Equal((10, 10, 10), (evidence.GetProperty("answered").GetInt32(), evidence.GetProperty("fast").GetInt32(), evidence.GetProperty("correct").GetInt32()));
        Assert.All(evidence.GetProperty("answers").EnumerateArray(), a =>
        {
            Assert.Equal(200, a.GetProperty("answerMs").GetInt32());
            Assert.True(a.GetProperty("thresholdMs").GetInt32() > 200);
        });
        Assert.Equal(10, (await kit.SessionAsync(session)).FastAnswers);
    }

    [Fact]
    public async Task A_player_who_takes_three_seconds_per_answer_is_not_flagged_and_counts_no_fast_answer()
    {
        var kit = new GameTestKit(Database, Core, Time);
        var human = await kit.NewPlayerAsync("Ida");
        var session = (await kit.StartAsync(human, GameMode.Quick)).SessionId!.Value;

        await kit.PlayAsync(session, human, _ => true, think: TimeSpan.FromSeconds(3));

        Assert.Empty(await FlagsAsync(human));
        Assert.Equal(0, (await kit.SessionAsync(session)).FastAnswers);
    }

    [Fact]
    public async Task Fewer_fast_answers_than_the_setting_are_counted_but_raise_nothing()
    {
        var kit = new GameTestKit(Database, Core, Time);
        var player = await kit.NewPlayerAsync("Eva");
        var session = (await kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        var answered = 0;
        while (await kit.NextAsync(session, player) is { } question)
        {
            // Two lucky snaps (the setting is three per game), the rest read.
            Time.Advance(answered++ < 2 ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(4));
            if ((await kit.AnswerAsync(session, player, question.Ordinal, correct: true)).SessionFinished) break;
        }

        Assert.Empty(await FlagsAsync(player));
        Assert.Equal(2, (await kit.SessionAsync(session)).FastAnswers);
    }

    [Fact]
    public async Task The_threshold_follows_the_text_length_and_the_reading_speed_setting()
    {
        // At 10 characters/s the bank's questions ("Testfrage modi-0001?" and four short options, 36 characters) need 4 s to read.
        await using var slow = Database.Core(Time, new Dictionary<string, string?> { ["AntiCheat:ReadingCharsPerSecond"] = "10" });
        var kit = new GameTestKit(Database, slow, Time);
        var player = await kit.NewPlayerAsync("Udo");
        var session = (await kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;

        var answered = 0;
        while (await kit.NextAsync(session, player) is { } question)
        {
            Time.Advance(TimeSpan.FromSeconds(answered++ % 2 == 0 ? 3 : 5));
            if ((await kit.AnswerAsync(session, player, question.Ordinal, correct: true)).SessionFinished) break;
        }

        var flag = Assert.Single(await FlagsAsync(player));
        var answers = JsonDocument.Parse(flag.Evidence).RootElement.GetProperty("answers").EnumerateArray().ToList();
        Assert.All(answers, a => Assert.Equal(400 + (a.GetProperty("characters").GetInt32() * 100), a.GetProperty("thresholdMs").GetInt32()));
        Assert.Equal(36, answers[0].GetProperty("characters").GetInt32());
        // The flag was last updated by the fifth fast answer, the ninth of the game: 40 + 60 * 5 / 9.
        var evidence = JsonDocument.Parse(flag.Evidence).RootElement;
        Assert.Equal((5, 9, 73), (evidence.GetProperty("fast").GetInt32(), evidence.GetProperty("answered").GetInt32(), flag.Score));
    }
}
