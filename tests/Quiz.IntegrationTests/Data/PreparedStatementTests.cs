using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Data;

/// <summary>
/// The services' statements are prepared once per connection (<see cref="QuizDbOptions.AutoPreparedStatements"/>) and stay prepared
/// when the connection goes back to the pool: without it each command was parsed and planned again and every return to the pool
/// reset the connection with <c>DISCARD ALL</c> (docs/benchmarks.md, "Prepared statements").
/// </summary>
public sealed class PreparedStatementTests(PostgresDatabase database) : CoreTests(database)
{
    [Fact]
    public async Task A_query_used_five_times_is_prepared_and_stays_prepared_across_returns_to_the_pool()
    {
        // A pool of its own, used one context at a time: every context gets the same physical connection back.
        var connectionString = Database.ConnectionString + $";Application Name=prepared-{Guid.NewGuid():N}";
        for (var i = 0; i < 6; i++)
        {
            await using var db = Context(connectionString);
            _ = await db.Players.CountAsync(p => p.TelegramUserId == 4711 + i);
        }

        await using var check = Context(connectionString);
        var prepared = await check.Database
            .SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM players%'")
            .ToListAsync();
        Assert.Single(prepared);
        Assert.Contains("telegram_user_id", prepared[0]);
    }

    [Theory]
    [InlineData("Host=db;Database=quiz;Username=quiz_app;Password=geheim", QuizDbOptions.AutoPreparedStatements)]
    [InlineData("Host=db;Database=quiz;Username=quiz_app;Password=geheim;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=quiz;Username=quiz_app;Password=geheim;Max Auto Prepare=7", 7)]
    public void A_connection_string_gets_auto_prepare_unless_it_sets_it_itself(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(QuizDbOptions.WithAutoPrepare(connectionString));

        Assert.Equal(expected, result.MaxAutoPrepare);
        Assert.Equal("geheim", result.Password);
    }

    private static QuizDbContext Context(string connectionString) =>
        new(((DbContextOptionsBuilder<QuizDbContext>)new DbContextOptionsBuilder<QuizDbContext>().UseQuizDatabase(connectionString)).Options);
}
