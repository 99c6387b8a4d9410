using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quiz.Core.Data;

/// <summary>Ready means: PostgreSQL answers and the schema is at the version this build expects.</summary>
internal sealed class DatabaseReadyHealthCheck(IDbContextFactory<QuizDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("PostgreSQL reachable, migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", ex);
        }
    }
}
