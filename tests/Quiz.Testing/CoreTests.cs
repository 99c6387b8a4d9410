using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Quiz.Testing;

/// <summary>
/// Base of a test class whose tests call Core: the class's database, a fake clock starting at <paramref name="start"/>
/// and Core's services built from the production registrations on that clock (<see cref="CoreServices"/>), fresh for
/// every test and disposed after it.
/// </summary>
public abstract class CoreTests(PostgresDatabase database, DateTimeOffset start) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    protected PostgresDatabase Database => database;

    protected FakeTimeProvider Time { get; } = new(start);

    protected CoreServices Core { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Core = database.Core(Time);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Core.DisposeAsync();
}
