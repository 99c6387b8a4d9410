using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Quiz.Testing;

/// <summary>
/// Base of a test class whose tests call Core: the class's database and Core's services built from the production
/// registrations (<see cref="CoreServices"/>), fresh for every test and disposed after it — on a fake clock the test
/// moves (<see cref="Time"/>), or on the real clock where the code under test runs on it (the console's pages).
/// </summary>
public abstract class CoreTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly TimeProvider clock;

    /// <summary>On a fake clock starting at <paramref name="start"/>.</summary>
    protected CoreTests(PostgresDatabase database, DateTimeOffset start) : this(database, new FakeTimeProvider(start))
    {
    }

    /// <summary>On the real clock.</summary>
    protected CoreTests(PostgresDatabase database) : this(database, TimeProvider.System)
    {
    }

    private CoreTests(PostgresDatabase database, TimeProvider clock)
    {
        Database = database;
        this.clock = clock;
    }

    protected PostgresDatabase Database { get; }

    /// <summary>The fake clock (only for a class made with a start time).</summary>
    protected FakeTimeProvider Time => clock as FakeTimeProvider ?? throw new InvalidOperationException("This test class runs on the real clock.");

    protected CoreServices Core { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Core = Database.Core(clock);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Core.DisposeAsync();
}
