using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Data;
using Xunit;

namespace Quiz.Testing;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class (xunit class fixture), dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = $"quiz_test_{Guid.NewGuid():N}";
    public string ConnectionString => TestEnvironment.ForDatabase(Name);

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using var core = Core();
        await using var scope = core.Scope();
        await scope.Get<DatabaseMigrator>().MigrateAsync(contentDirectory: null);
    }

    /// <summary>Core's services as the services register them, on this database (see <see cref="CoreServices"/>).</summary>
    public CoreServices Core(
        TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        CoreServices.Create(ConnectionString, time, settings, configure);

    public QuizDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(ConnectionString);
        return new QuizDbContext(options.Options);
    }

    public IDbContextFactory<QuizDbContext> CreateFactory() => new Factory(this);

    public Task DisposeAsync() => TestEnvironment.DropDatabaseAsync(Name);

    private sealed class Factory(PostgresDatabase database) : IDbContextFactory<QuizDbContext>
    {
        public QuizDbContext CreateDbContext() => database.CreateContext();
    }
}
