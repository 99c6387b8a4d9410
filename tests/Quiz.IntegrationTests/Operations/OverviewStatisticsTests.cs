using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Game;
using Quiz.Core.Operations;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

public sealed class OverviewStatisticsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task GetAsync_counts_games_and_answers_of_the_berlin_day()
    {
        // 00:30 in Berlin on 28 November; 23:10 UTC the day before is already "today" there.
        var now = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            await TestData.SeedGameAsync(db, new DateTimeOffset(2026, 11, 27, 23, 10, 0, TimeSpan.Zero));
            var (_, yesterday) = await TestData.SeedGameAsync(db, new DateTimeOffset(2026, 11, 27, 22, 50, 0, TimeSpan.Zero));
            db.AnswerEvents.Add(new AnswerEvent
            {
                SessionId = yesterday.Id,
                Ordinal = 0,
                PlayerId = yesterday.PlayerId,
                QuestionId = yesterday.Questions[0].QuestionId,
                ChosenPosition = 1,
                IsCorrect = true,
                Points = 120,
                CreatedAt = new DateTimeOffset(2026, 11, 27, 23, 1, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }

        await using var core = database.Core(new FakeTimeProvider(now));
        var overview = await core.Get<OverviewStatistics>().GetAsync();

        Assert.Equal(new Overview(Players: 2, GamesToday: 1, AnswersToday: 1, ActiveGames: 2, Day: new DateOnly(2026, 11, 28)), overview);
    }
}
