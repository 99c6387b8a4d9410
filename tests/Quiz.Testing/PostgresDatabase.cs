using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Questions;
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
        await using var db = CreateContext();
        var importer = new QuestionContentImporter(db, TimeProvider.System, NullLogger<QuestionContentImporter>.Instance);
        await new DatabaseMigrator(db, importer, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(contentDirectory: null);
    }

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
