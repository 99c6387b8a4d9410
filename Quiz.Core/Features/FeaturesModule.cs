using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Quiz.Core.Features;

public static class FeaturesModule
{
    /// <summary>The switches' store and this process's snapshot; without <see cref="AddFeatureSignalOverRedis"/> no change is signalled.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton<IFeatureSignal, NoFeatureSignal>();
        return services.AddSingleton<FeatureSwitches>().AddSingleton<FeatureSnapshot>();
    }

    /// <summary>Changes are signalled over the shared Redis (needs its <c>IConnectionMultiplexer</c>): the console and the bot.</summary>
    public static IServiceCollection AddFeatureSignalOverRedis(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IFeatureSignal, RedisFeatureSignal>());

    /// <summary>A replica that checks switches per update keeps its snapshot current (the bot).</summary>
    public static IServiceCollection AddFeatureRefresh(this IServiceCollection services)
    {
        services.AddOptions<FeatureOptions>().BindConfiguration(FeatureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FeatureRefresher>();
        return services.AddHostedService(sp => sp.GetRequiredService<FeatureRefresher>());
    }
}
