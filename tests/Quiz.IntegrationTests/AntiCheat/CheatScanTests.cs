using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.IntegrationTests.Game;
using Quiz.IntegrationTests.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>The batch detectors on games played through the real use-cases, and the scan's cursor.</summary>
public sealed class CheatScanTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    private async Task<CheatScanResult> ScanAfterSettlingAsync()
    {
        Time.Advance(TimeSpan.FromMinutes(2));
        return await Core.Get<CheatScan>().RunAsync();
    }

    private async Task<List<CheatFlag>> FlagsAsync(params long[] players)
    {
        await using var db = Database.CreateContext();
        return await db.CheatFlags.AsNoTracking().Where(f => players.Contains(f.PlayerId)).OrderBy(f => f.Id).ToListAsync();
    }

    /// <summary>Answers the current question with the option (content index) <paramref name="option"/>, wherever this player's order shows it.</summary>
    private async Task<AnswerResult> AnswerOptionAsync(Guid session, long player, int ordinal, short option)
    {
        short position;
        await using (var db = Database.CreateContext())
        {
            var order = await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.OptionOrder).SingleAsync();
            position = (short)Array.IndexOf(order, option);
        }
        await using var scope = Core.Scope();
        return await scope.Get<AnswerService>().SubmitAnswerAsync(session, player, ordinal, position);
    }

    private async Task<short> ChosenOptionAsync(Guid session, int ordinal)
    {
        await using var db = Database.CreateContext();
        var asked = await db.SessionQuestions.SingleAsync(q => q.SessionId == session && q.Ordinal == ordinal);
        var answer = await db.AnswerEvents.SingleAsync(a => a.SessionId == session && a.Ordinal == ordinal);
        return asked.OptionOrder[answer.ChosenPosition!.Value];
    }

    [Fact]
    public async Task A_relaying_pair_is_flagged_within_one_tournament_and_an_honest_player_in_it_is_not()
    {
        var id = await T.ScheduledAsync(questions: 10);
        var (source, copy, honest) = (await Kit.NewPlayerAsync("Quelle"), await Kit.NewPlayerAsync("Kopie"), await Kit.NewPlayerAsync("Ehrlich"));
        foreach (var p in new[] { source, copy, honest })
        {
            await T.GrantTicketsAsync(p, 1);
            await T.JoinAsync(p, id);
        }
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        var (s1, s2, s3) = ((await T.PlayAsync(source, id)).SessionId!.Value, (await T.PlayAsync(copy, id)).SessionId!.Value, (await T.PlayAsync(honest, id)).SessionId!.Value);

        // The source answers (some right, some wrong); the copy gets the option relayed and taps it 1–3 s later. The honest
        // player answers on their own, at their own pace, in between.
        var random = new Random(12);
        for (var ordinal = 0; await Kit.NextAsync(s1, source) is { } question; ordinal++)
        {
            await Kit.NextAsync(s2, copy);
            await Kit.NextAsync(s3, honest);
            Time.Advance(TimeSpan.FromMilliseconds(random.Next(4000, 9000)));
            await Kit.AnswerAsync(s1, source, question.Ordinal, correct: random.Next(3) > 0);
            Time.Advance(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
            await AnswerOptionAsync(s2, copy, question.Ordinal, await ChosenOptionAsync(s1, question.Ordinal));
            Time.Advance(TimeSpan.FromMilliseconds(random.Next(2000, 6000)));
            await Kit.AnswerAsync(s3, honest, question.Ordinal, correct: random.Next(2) > 0);
        }

        var result = await ScanAfterSettlingAsync();

        Assert.Equal(30, result.AnswersRead);
        var flags = await FlagsAsync(source, copy, honest);
        Assert.Equal([(source, FlagKind.Lockstep), (copy, FlagKind.Lockstep)], flags.Select(f => (f.PlayerId, f.Kind)).Order());
        var copied = flags.Single(f => f.PlayerId == copy);
        var setId = (await Kit.SessionAsync(s1)).QuestionSetId!.Value;
        Assert.Equal(CheatScan.LockstepSubject(setId, source), copied.Subject);
        var evidence = JsonDocument.Parse(copied.Evidence).RootElement;
        Assert.Equal((source, 10, 10, "tournament"), (evidence.GetProperty("partner").GetInt64(), evidence.GetProperty("matches").GetInt32(),
            evidence.GetProperty("shared").GetInt32(), evidence.GetProperty("setKind").GetString()));
        Assert.All(evidence.GetProperty("answers").EnumerateArray(), a => Assert.InRange(Math.Abs(a.GetProperty("gapMs").GetInt32()), 1000, 3000));
        Assert.Contains("meist der Partner", evidence.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Each_run_reads_only_settled_new_answers_and_a_repeated_run_raises_nothing_new()
    {
        var bot = await Kit.NewPlayerAsync("Gleichmaß");
        for (var game = 0; game < 3; game++)
        {
            var session = (await Kit.StartAsync(bot, GameMode.Quick)).SessionId!.Value;
            await Kit.PlayAsync(session, bot, _ => true, TimeSpan.FromSeconds(4));
        }

        // The last answers are younger than the settle time: nothing after the first of them is read yet.
        var early = await Core.Get<CheatScan>().RunAsync();
        var settled = await ScanAfterSettlingAsync();
        var again = await Core.Get<CheatScan>().RunAsync();

        Assert.True(early.AnswersRead < 30, $"{early.AnswersRead} answers read before they settled");
        Assert.Equal(30, early.AnswersRead + settled.AnswersRead);
        Assert.Equal(0, again.AnswersRead);
        var flag = Assert.Single(await FlagsAsync(bot));
        Assert.Equal(FlagKind.SteadyPerfect, flag.Kind);
        var evidence = JsonDocument.Parse(flag.Evidence).RootElement;
        Assert.Equal((30, 30, 0.0), (evidence.GetProperty("answers").GetInt32(), evidence.GetProperty("correct").GetInt32(), evidence.GetProperty("variationPercent").GetDouble()));
    }

    [Fact]
    public async Task Perfect_answers_at_human_varying_times_are_not_steady()
    {
        var player = await Kit.NewPlayerAsync("Profi");
        var random = new Random(5);
        for (var game = 0; game < 3; game++)
        {
            var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
            while (await Kit.NextAsync(session, player) is { } question)
            {
                Time.Advance(TimeSpan.FromMilliseconds(random.Next(3000, 9000)));
                if ((await Kit.AnswerAsync(session, player, question.Ordinal, correct: true)).SessionFinished) break;
            }
        }

        await ScanAfterSettlingAsync();

        Assert.Empty(await FlagsAsync(player));
    }
}
