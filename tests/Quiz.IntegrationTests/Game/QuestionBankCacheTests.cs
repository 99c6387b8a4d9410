using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Game;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class QuestionBankCacheTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_suspended_question_leaves_the_cached_bank_within_its_lifetime_and_filters_apply()
    {
        await GameTestKit.SeedBankAsync(database, time.GetUtcNow());
        await using var core = database.Core(time);
        var cache = core.Get<QuestionBankCache>();
        Assert.Equal(60, (await cache.ActiveAsync(null, null, default)).Count);
        Assert.Equal(10, (await cache.ActiveAsync("modi", 2, default)).Count);

        await using (var db = database.CreateContext())
        {
            await db.Questions.Where(q => q.Id == "modi-0000").ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, QuestionStatus.Suspended));
        }
        Assert.Contains(await cache.ActiveAsync(null, null, default), c => c.Id == "modi-0000");

        time.Advance(QuestionBankCache.Lifetime);
        var reloaded = await cache.ActiveAsync(null, null, default);
        Assert.Equal(59, reloaded.Count);
        Assert.DoesNotContain(reloaded, c => c.Id == "modi-0000");
        Assert.Equal(reloaded.Select(c => c.Id).Order(StringComparer.Ordinal), reloaded.Select(c => c.Id));
    }
}
