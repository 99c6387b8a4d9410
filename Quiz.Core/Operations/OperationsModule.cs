using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Operations;

public static class OperationsModule
{
    /// <summary>The console's overview figures and the worker's housekeeping.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services) =>
        services.AddSingleton<OverviewStatistics>().AddScoped<Housekeeping>();
}
