using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>A fresh database with <see cref="OverviewSeed"/> rows whose "today" is <see cref="Today"/>.</summary>
public class SeededDatabase : IAsyncLifetime
{
    /// <summary>23:59:55 in Berlin (CET): five seconds before the day flips.</summary>
    public static readonly DateTimeOffset BeforeBerlinMidnight = new(2026, 1, 15, 22, 59, 55, TimeSpan.Zero);

    public PostgresDatabase Database { get; } = new();

    protected virtual DateTimeOffset Today => BeforeBerlinMidnight.AddHours(-10);

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        await OverviewSeed.SeedAsync(db, Today);
    }

    public virtual Task DisposeAsync() => Database.DisposeAsync();
}
