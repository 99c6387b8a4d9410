using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

/// <summary>Base of the game integration tests: a seeded bank on the class's database, a clock at 27.11.2026 11:00 Berlin, Core, the kit.</summary>
public abstract class GameKitTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    protected GameTestKit Kit { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Kit = new GameTestKit(Database, Core, Time);
        await GameTestKit.SeedBankAsync(Database, Time.GetUtcNow());
    }
}
