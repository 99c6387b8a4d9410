using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Data;
using Xunit;

namespace Quiz.Testing;

/// <summary>
/// A fresh PostgreSQL database for one test class (xunit class fixture), dropped afterwards: created and migrated
/// by the schema's owner as the migrator does it, used by the tests as the services' role (<see cref="ConnectionString"/>),
/// so a right the services lack fails here as it would in production.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = $"quiz_test_{Guid.NewGuid():N}";

    /// <summary>As the services connect: rows only.</summary>
    public string ConnectionString => TestEnvironment.ForDatabase(Name);

    /// <summary>As the migrator connects: the schema's owner.</summary>
    public string OwnerConnectionString => TestEnvironment.OwnerForDatabase(Name);

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using var owner = CoreServices.Create(OwnerConnectionString);
        await using var scope = owner.Scope();
        await scope.Get<DatabaseMigrator>().MigrateAsync(contentDirectory: null, ServiceRole.FromConnectionString(ConnectionString));
    }

    /// <summary>Core's services as the services register them, on this database (see <see cref="CoreServices"/>).</summary>
    public CoreServices Core(
        TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        CoreServices.Create(ConnectionString, time, settings, configure);

    /// <summary>A context as the services' role.</summary>
    public QuizDbContext CreateContext() => Context(ConnectionString);

    /// <summary>A context as the schema's owner (what the services can never do, e.g. prove a trigger holds even for the owner).</summary>
    public QuizDbContext CreateOwnerContext() => Context(OwnerConnectionString);

    private static QuizDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(connectionString);
        return new QuizDbContext(options.Options);
    }

    public IDbContextFactory<QuizDbContext> CreateFactory() => new Factory(this);

    public Task DisposeAsync() => TestEnvironment.DropDatabaseAsync(Name);

    private sealed class Factory(PostgresDatabase database) : IDbContextFactory<QuizDbContext>
    {
        public QuizDbContext CreateDbContext() => database.CreateContext();
    }
}
