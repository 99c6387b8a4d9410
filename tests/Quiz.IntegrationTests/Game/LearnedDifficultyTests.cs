using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Questions.Stats;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>
/// Überleben's rising difficulty and the Tagesquiz mix pick by the difficulty learned from answers. The bank's authored
/// difficulties are turned around (modi-0000…0019 authored easy, learned hard; modi-0040…0059 authored hard, learned easy;
/// the middle stays), so a pick by the authored difficulty fails every assertion.
/// </summary>
public sealed class LearnedDifficultyTests(PostgresDatabase database) : GameKitTests(database)
{
    private static readonly string[] AuthoredEasy = [.. Enumerable.Range(0, 20).Select(i => $"modi-{i:D4}")];
    private static readonly string[] AuthoredHard = [.. Enumerable.Range(40, 20).Select(i => $"modi-{i:D4}")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        if (await db.QuestionStats.AnyAsync()) return;
        var now = Time.GetUtcNow();
        db.QuestionStats.AddRange(AuthoredEasy.Select(id => Learned(id, 3, now)).Concat(AuthoredHard.Select(id => Learned(id, 1, now))));
        await db.SaveChangesAsync();
    }

    private static QuestionStats Learned(string id, short difficulty, DateTimeOffset now) =>
        new() { QuestionId = id, Asked = 60, Correct = difficulty == 1 ? 55 : 5, MedianAnswerMs = 5000, CalibratedDifficulty = difficulty, UpdatedAt = now };

    private async Task<List<string>> AskedAsync(Guid session)
    {
        await using var db = Database.CreateContext();
        return await db.SessionQuestions.Where(q => q.SessionId == session).OrderBy(q => q.Ordinal).Select(q => q.QuestionId).ToListAsync();
    }

    [Fact]
    public async Task Ueberleben_starts_with_questions_learned_easy_and_reaches_those_learned_hard()
    {
        var player = await Kit.NewPlayerAsync("Ausdauer");
        var session = (await Kit.StartAsync(player, GameMode.Survival)).SessionId!.Value;

        await Kit.PlayAsync(session, player, ordinal => ordinal < GameRules.SurvivalStepLength * 2 + 1);

        var asked = await AskedAsync(session);
        Assert.Equal(GameRules.SurvivalStepLength * 2 + 2, asked.Count);
        Assert.All(asked.Take(GameRules.SurvivalStepLength), id => Assert.Contains(id, AuthoredHard));
        Assert.All(asked.Skip(GameRules.SurvivalStepLength * 2), id => Assert.Contains(id, AuthoredEasy));
    }

    [Fact]
    public async Task The_Tagesquiz_mix_is_four_learned_easy_four_medium_and_two_learned_hard()
    {
        var player = await Kit.NewPlayerAsync("Täglich");

        var session = (await Kit.StartAsync(player, GameMode.Daily)).SessionId!.Value;

        await using var db = Database.CreateContext();
        var setId = (await Kit.SessionAsync(session)).QuestionSetId!.Value;
        var items = await db.QuestionSetItems.Where(i => i.SetId == setId).OrderBy(i => i.Ordinal).Select(i => i.QuestionId).ToListAsync();
        Assert.Equal(GameRules.QuickQuestionCount, items.Count);
        Assert.All(items.Take(4), id => Assert.Contains(id, AuthoredHard));
        Assert.All(items.Skip(4).Take(4), id => Assert.DoesNotContain(id, AuthoredHard.Concat(AuthoredEasy)));
        Assert.All(items.Skip(8), id => Assert.Contains(id, AuthoredEasy));
    }

    [Fact]
    public async Task The_cached_bank_picks_up_a_new_calibration_when_it_reloads()
    {
        var cache = Core.Get<QuestionBankCache>();
        Assert.Contains(await cache.ActiveAsync(null, 2, default), c => c.Id == "modi-0020");

        await using (var db = Database.CreateContext())
        {
            db.QuestionStats.Add(Learned("modi-0020", 1, Time.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        Assert.Contains(await cache.ActiveAsync(null, 2, default), c => c.Id == "modi-0020");
        Time.Advance(QuestionBankCache.Lifetime);

        Assert.DoesNotContain(await cache.ActiveAsync(null, 2, default), c => c.Id == "modi-0020");
        Assert.Contains(await cache.ActiveAsync(null, 1, default), c => c.Id == "modi-0020");
        await using (var db = Database.CreateContext()) await db.QuestionStats.Where(s => s.QuestionId == "modi-0020").ExecuteDeleteAsync();
    }
}
