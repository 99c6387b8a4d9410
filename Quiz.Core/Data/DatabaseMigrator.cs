using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quiz.Core.Questions;

namespace Quiz.Core.Data;

/// <summary>
/// Brings a database to this build's schema (the Quiz tables and the worker's Quartz tables), seeds the default shop packages
/// once, upserts the reviewed question content and grants the services' role its rights. Run once per deployment by the
/// migrator, connected as the schema's owner; integration tests use it for their fresh databases.
/// </summary>
public sealed partial class DatabaseMigrator(QuizDbContext db, QuestionContentImporter importer, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    /// <param name="serviceRole">The role the services connect as; <c>null</c> when they connect as the owner (no grants).</param>
    public async Task MigrateAsync(string? contentDirectory, ServiceRole? serviceRole, CancellationToken ct = default)
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

        if (serviceRole is null)
        {
            LogNoServiceRole();
            return;
        }
        switch (await ServiceRoleGrants.ApplyAsync(db, serviceRole, ct))
        {
            case ServiceRoleGrants.Outcome.SameAsOwner: LogNoServiceRole(); break;
            case ServiceRoleGrants.Outcome.Created: LogServiceRole(serviceRole.Name, "created and granted"); break;
            default: LogServiceRole(serviceRole.Name, "granted"); break;
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

    [LoggerMessage(LogLevel.Information, "Services' role {Role}: {What} row access only")]
    private partial void LogServiceRole(string role, string what);

    [LoggerMessage(LogLevel.Warning, "The services connect as the schema's owner, so they can change the schema: give them a role of their own (ConnectionStrings:quizdb) and the migrator the owner (ConnectionStrings:quizdbowner)")]
    private partial void LogNoServiceRole();

    [LoggerMessage(LogLevel.Warning, "PostgreSQL not reachable yet (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string reason);
}
