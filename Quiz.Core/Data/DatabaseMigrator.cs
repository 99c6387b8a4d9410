using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quiz.Core.Questions;

namespace Quiz.Core.Data;

/// <summary>
/// Brings a database to this build's schema, seeds the default shop packages once and upserts the reviewed question content. Run once
/// per deployment by the migrator; integration tests use it for their fresh databases.
/// </summary>
public sealed partial class DatabaseMigrator(QuizDbContext db, QuestionContentImporter importer, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(string? contentDirectory, CancellationToken ct = default)
    {
        await WaitForServerAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        LogMigrating(pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        await Economy.PackageDefaults.EnsureAsync(db, time.GetUtcNow(), ct);

        if (contentDirectory is not null)
        {
            var files = QuestionContentImporter.ReadDirectory(contentDirectory);
            await importer.ImportAsync(files, ct);
        }
    }

    /// <summary>A freshly started PostgreSQL may refuse connections for a few seconds.</summary>
    private async Task WaitForServerAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.CloseConnectionAsync();
                return;
            }
            catch (NpgsqlException ex) when (attempt < 30 && ex.IsTransient)
            {
                LogWaiting(attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Applying {Count} pending migration(s): {Migrations}")]
    private partial void LogMigrating(int count, string migrations);

    [LoggerMessage(LogLevel.Warning, "PostgreSQL not reachable yet (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string reason);
}
