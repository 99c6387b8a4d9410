using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Quiz.Bot.Transport;

/// <summary>Readiness: not ready while <see cref="BotWarmup"/> runs, so no traffic is routed to a replica that is still cold.</summary>
public sealed class WarmupHealthCheck(BotWarmup warmup) : IHealthCheck
{
    public const string Name = "warmup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.Completed.IsCompleted ? HealthCheckResult.Healthy("Warmed up") : HealthCheckResult.Unhealthy("Warming up"));
}
