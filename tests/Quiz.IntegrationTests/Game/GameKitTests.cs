using Microsoft.Extensions.Time.Testing;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>Base of the game integration tests: a seeded bank on the class's database, a clock at 27.11.2026 11:00 Berlin, the kit.</summary>
public abstract class GameKitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    protected GameTestKit Kit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Kit = new GameTestKit(database, Time);
        await GameTestKit.SeedBankAsync(database, Time.GetUtcNow());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
