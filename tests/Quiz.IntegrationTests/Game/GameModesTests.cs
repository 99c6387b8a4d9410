using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class GameModesTests(PostgresDatabase database) : GameKitTests(database)
{
    [Fact]
    public async Task Tagesquiz_is_the_same_for_everyone_that_berlin_day_and_allows_one_attempt()
    {
        var anna = await Kit.NewPlayerAsync("Anna");
        var ben = await Kit.NewPlayerAsync("Ben");
        var first = await Kit.StartAsync(anna, GameMode.Daily);
        var second = await Kit.StartAsync(ben, GameMode.Daily);
        Assert.Equal((StartOutcome.Started, StartOutcome.Started), (first.Outcome, second.Outcome));

        var annaQuestions = await Kit.PlayAsync(first.SessionId!.Value, anna, _ => true);
        var benQuestions = await Kit.PlayAsync(second.SessionId!.Value, ben, i => i % 2 == 0);

        Assert.Equal(10, annaQuestions.Count);
        Assert.Equal(annaQuestions, benQuestions);
        Assert.Equal(StartOutcome.AlreadyPlayed, (await Kit.StartAsync(anna, GameMode.Daily)).Outcome);

        // The next Berlin day (23:00 UTC = midnight in Berlin) brings a new quiz and a new attempt.
        Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero));
        var tomorrow = await Kit.StartAsync(anna, GameMode.Daily);
        Assert.Equal(StartOutcome.Started, tomorrow.Outcome);
        Assert.NotEqual(annaQuestions, await Kit.PlayAsync(tomorrow.SessionId!.Value, anna, _ => true));
    }

    [Fact]
    public async Task Parallel_first_starts_of_the_tagesquiz_create_one_shared_set()
    {
        Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var players = new List<long>();
        for (var i = 0; i < 8; i++) players.Add(await Kit.NewPlayerAsync());

        var starts = await Task.WhenAll(players.Select(p => Task.Run(() => Kit.StartAsync(p, GameMode.Daily))));

        Assert.All(starts, s => Assert.Equal(StartOutcome.Started, s.Outcome));
        await using var db = Kit.Context();
        var sets = await db.GameSessions.Where(s => players.Contains(s.PlayerId)).Select(s => s.QuestionSetId).Distinct().ToListAsync();
        Assert.Single(sets);
        Assert.Equal(10, await db.QuestionSetItems.CountAsync(i => i.SetId == sets[0]));
    }

    [Fact]
    public async Task A_second_tagesquiz_attempt_is_refused_by_the_database_too()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Daily)).SessionId!.Value;
        await using var db = Kit.Context();
        var original = await db.GameSessions.AsNoTracking().SingleAsync(s => s.Id == session);
        db.GameSessions.Add(new GameSession
        {
            Id = Guid.NewGuid(), PlayerId = player, Mode = GameMode.Daily, State = SessionState.Active, QuestionSetId = original.QuestionSetId,
            QuestionCount = 10, StartedAt = Time.GetUtcNow(), LastActivityAt = Time.GetUtcNow(),
        });

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(ex.IsUniqueViolation(GameSession.UniqueAttemptPerSet));
    }

    [Fact]
    public async Task Ueberleben_runs_until_the_first_mistake_and_gets_harder()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Survival)).SessionId!.Value;

        var asked = await Kit.PlayAsync(session, player, ordinal => ordinal < 12);

        Assert.Equal(13, asked.Count);
        var finished = await Kit.SessionAsync(session);
        Assert.Equal((SessionState.Finished, 12, null), (finished.State, finished.CorrectCount, finished.QuestionCount));
        await using var db = Kit.Context();
        var difficulties = await db.SessionQuestions.Where(q => q.SessionId == session).OrderBy(q => q.Ordinal).Select(q => q.Question!.Difficulty).ToListAsync();
        Assert.Equal([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3], difficulties.Select(d => (int)d));
        Assert.Null(await Kit.NextAsync(session, player));
    }

    [Fact]
    public async Task A_timeout_ends_an_ueberleben_run_when_the_player_asks_for_the_next_question()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Survival)).SessionId!.Value;
        await Kit.NextAsync(session, player);
        Time.Advance(TimeSpan.FromSeconds(21));

        Assert.Null(await Kit.NextAsync(session, player));

        var finished = await Kit.SessionAsync(session);
        Assert.Equal(SessionState.Finished, finished.State);
        await using var db = Kit.Context();
        var timeout = await db.AnswerEvents.SingleAsync(a => a.SessionId == session);
        Assert.Equal((null, false, 0), (timeout.ChosenPosition, timeout.IsCorrect, timeout.Points));
    }

    [Fact]
    public async Task Kategorie_asks_only_the_chosen_category_and_free_modes_do_not_use_the_quota()
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Category, "andere")).SessionId!.Value;
        await Kit.PlayAsync(session, player, _ => true);
        await using (var db = Kit.Context())
        {
            var categories = await db.SessionQuestions.Where(q => q.SessionId == session).Select(q => q.Question!.CategoryId).Distinct().ToListAsync();
            Assert.Equal(["andere"], categories);
        }
        Assert.Equal(StartOutcome.UnknownCategory, (await Kit.StartAsync(player, GameMode.Category, "gibt-es-nicht")).Outcome);

        for (var i = 0; i < 4; i++) Assert.Equal(StartOutcome.Started, (await Kit.StartAsync(player, GameMode.Survival)).Outcome);
        Assert.Equal(StartOutcome.QuotaExhausted, (await Kit.StartAsync(player, GameMode.Quick)).Outcome);
        Assert.Equal(StartOutcome.Started, (await Kit.StartAsync(player, GameMode.Daily)).Outcome);
    }
}
