using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quiz.Core.Data;

/// <summary>
/// Ready needs the schema at the version this build expects. Whether PostgreSQL answers at all is the Aspire
/// integration's check (<c>QuizDbContext</c>); this one adds what it cannot know. The report names the pending
/// migrations but never an exception's text.
/// </summary>
internal sealed class MigrationsAppliedHealthCheck(IDbContextFactory<QuizDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Migrations could not be read", ex);
        }
    }
}
