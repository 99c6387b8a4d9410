using Microsoft.EntityFrameworkCore;
using Quiz.Core.Questions.Stats;
using Quiz.Testing;
using static Quiz.IntegrationTests.Questions.SeededAnswer;

namespace Quiz.IntegrationTests.Questions;

/// <summary>The statistics job on answer events in PostgreSQL: figures, cursor, idempotence, concurrent runs, calibration.</summary>
public sealed class QuestionStatsTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
{
    private static int category;

    /// <summary>New questions (authored <paramref name="difficulty"/>) in a category of their own, so tests on the class's database stay apart.</summary>
    private async Task<string[]> QuestionsAsync(int count, short difficulty = 2)
    {
        var id = $"stat{Interlocked.Increment(ref category)}";
        await QuestionSeed.CategoryAsync(Database, id, id);
        var ids = Enumerable.Range(0, count).Select(i => $"{id}-{i:D4}").ToArray();
        foreach (var q in ids) await QuestionSeed.QuestionAsync(Database, q, id, Time.GetUtcNow(), difficulty: difficulty);
        return ids;
    }

    /// <summary>Runs until nothing is left, once every answer has settled.</summary>
    private async Task<int> DrainAsync(QuestionStatsRun run)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        var counted = 0;
        for (var result = await run.RunAsync(); result.AnswersCounted > 0; result = await run.RunAsync()) counted += result.AnswersCounted;
        return counted;
    }

    private async Task<QuestionStats?> StatsAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.QuestionStats.AsNoTracking().SingleOrDefaultAsync(s => s.QuestionId == id);
    }

    [Fact]
    public async Task Asked_correct_time_outs_and_the_median_time_of_answers_with_a_choice_come_from_the_answer_events()
    {
        var (q, other) = await QuestionsAsync(2) switch { var ids => (ids[0], ids[1]) };
        // 6 right in 1–6 s, 2 wrong in 7 and 8 s, 2 time-outs (recorded with the full limit): median of the 8 choices 4.5 s, not 5.5 s.
        var answers = Enumerable.Range(1, 6).Select(i => new SeededAnswer(q, true, i * 1000))
            .Append(new SeededAnswer(q, false, 7000)).Append(new SeededAnswer(q, false, 8000))
            .Concat(Many(q, correct: 0, wrong: 0, timedOut: 2))
            .Concat(Many(other, correct: 1, wrong: 0, answerMs: 3000));
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), answers);

        Assert.Equal(11, await DrainAsync(Core.Get<QuestionStatsRun>()));

        var stats = await StatsAsync(q);
        Assert.Equal((10, 6, 2, 4500), (stats!.Asked, stats.Correct, stats.TimedOut, stats.MedianAnswerMs));
        Assert.Null(stats.CalibratedDifficulty);
        Assert.Equal((1, 1, 0, 3000), (await StatsAsync(other)) is { } o ? (o.Asked, o.Correct, o.TimedOut, o.MedianAnswerMs) : default);
    }

    [Fact]
    public async Task Each_run_counts_only_settled_new_events_after_its_cursor_and_a_repeated_run_changes_nothing()
    {
        var q = (await QuestionsAsync(1))[0];
        var run = Core.Get<QuestionStatsRun>();
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), Many(q, correct: 3, wrong: 2));
        Assert.Equal(5, await DrainAsync(run));

        // Three more, still younger than the settle time: not counted yet; once settled, only they are.
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), Many(q, correct: 1, wrong: 1, timedOut: 1));
        Assert.Equal(0, (await run.RunAsync()).AnswersCounted);
        Assert.Equal(5, (await StatsAsync(q))!.Asked);
        Assert.Equal(3, await DrainAsync(run));
        Assert.Equal(0, (await run.RunAsync()).AnswersCounted);

        var stats = await StatsAsync(q);
        Assert.Equal((8, 4, 1), (stats!.Asked, stats.Correct, stats.TimedOut));
        await using var db = Database.CreateContext();
        Assert.Equal(await db.AnswerEvents.MaxAsync(a => a.Id), (await db.QuestionStatsCursors.SingleAsync()).LastAnswerId);
    }

    [Fact]
    public async Task Two_runs_at_the_same_time_in_small_batches_count_every_event_exactly_once()
    {
        var ids = await QuestionsAsync(4);
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), ids.SelectMany((q, i) => Many(q, correct: 40 + i, wrong: 30, timedOut: 5)));
        Time.Advance(TimeSpan.FromMinutes(5));
        // Two workers with batches of 100: each pass runs both at once until neither finds anything.
        await using var first = Database.Core(Time, new Dictionary<string, string?> { ["Calibration:BatchMaxAnswers"] = "100" });
        await using var second = Database.Core(Time, new Dictionary<string, string?> { ["Calibration:BatchMaxAnswers"] = "100" });
        var counted = 0;
        while (true)
        {
            var results = await Task.WhenAll(first.Get<QuestionStatsRun>().RunAsync(), second.Get<QuestionStatsRun>().RunAsync());
            if (results.All(r => r.AnswersCounted == 0)) break;
            counted += results.Sum(r => r.AnswersCounted);
        }

        Assert.Equal(4 * 75 + 6, counted);
        foreach (var (q, i) in ids.Select((q, i) => (q, i)))
        {
            var stats = await StatsAsync(q);
            Assert.Equal((75 + i, 40 + i, 5), (stats!.Asked, stats.Correct, stats.TimedOut));
        }
    }

    [Fact]
    public async Task Only_questions_with_the_minimum_of_answers_get_a_learned_difficulty_from_their_correct_rate()
    {
        // Authored "hard" (3): 45 of 50 right → easy; 30 of 60 → medium; 10 of 50 → hard; 49 answers all right → too few, stays authored.
        var (easy, medium, hard, few) = await QuestionsAsync(4, difficulty: 3) switch { var q => (q[0], q[1], q[2], q[3]) };
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), Many(easy, correct: 45, wrong: 5)
            .Concat(Many(medium, correct: 30, wrong: 25, timedOut: 5)).Concat(Many(hard, correct: 10, wrong: 40)).Concat(Many(few, correct: 49, wrong: 0)));

        await DrainAsync(Core.Get<QuestionStatsRun>());

        Assert.Equal(((short?)1, (short?)2, (short?)3, (short?)null),
            ((await StatsAsync(easy))!.CalibratedDifficulty, (await StatsAsync(medium))!.CalibratedDifficulty,
             (await StatsAsync(hard))!.CalibratedDifficulty, (await StatsAsync(few))!.CalibratedDifficulty));

        // The 50th answer (a wrong one: 49 of 50 = 98 %) brings "few" to the minimum: now it is calibrated as well.
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), Many(few, correct: 0, wrong: 1));
        await DrainAsync(Core.Get<QuestionStatsRun>());
        Assert.Equal((short?)1, (await StatsAsync(few))!.CalibratedDifficulty);
    }

    [Fact]
    public async Task A_raised_minimum_takes_a_learned_difficulty_back_at_the_next_run()
    {
        var q = (await QuestionsAsync(1, difficulty: 1))[0];
        await AnswerSeed.AnswersAsync(Database, Time.GetUtcNow(), Many(q, correct: 5, wrong: 55));
        await DrainAsync(Core.Get<QuestionStatsRun>());
        Assert.Equal((short?)3, (await StatsAsync(q))!.CalibratedDifficulty);

        await using var stricter = Database.Core(Time, new Dictionary<string, string?> { ["Calibration:MinAnswers"] = "100" });
        var result = await stricter.Get<QuestionStatsRun>().RunAsync();

        Assert.True(result.Recalibrated >= 1);
        Assert.Null((await StatsAsync(q))!.CalibratedDifficulty);
    }
}
