using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Audit;
using Quiz.Core.Operations.Dashboard;
using Quiz.Core.Operations.Machinery;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Core.Operations;

public static class OperationsModule
{
    /// <summary>The console's overview figures and charts (the worker's daily rollup), player review and flag queue, the worker's housekeeping (with its validated retention) and the readings behind the alerts.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOptions<HousekeepingOptions>().BindConfiguration(HousekeepingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<OverviewStatistics>().AddScoped<Housekeeping>().AddSingleton<AuditReader>().AddSingleton<PlayerReview>()
            .AddSingleton<FlagReview>().AddSingleton<OperationalReadings>().AddSingleton<DailyRollup>().AddSingleton<DashboardReader>()
            .AddSingleton<OutboxBacklog>().AddSingleton<DeadLetterRequeue>().AddSingleton<WebhookStatus>().AddSingleton<SchedulerJobs>();
    }
}
