using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Quiz.AppHost;

/// <summary>
/// How many processes of the bot and the worker the app model runs (<c>Scale:BotReplicas</c>,
/// <c>Scale:WorkerReplicas</c>, default 1). Several bot replicas share one proxied endpoint, which
/// spreads the webhook over them; several workers form one Quartz cluster (docs/scaling.md).
/// </summary>
public static class ScaleSettings
{
    public const string Section = "Scale";
    public const string BotReplicas = "BotReplicas";
    public const string WorkerReplicas = "WorkerReplicas";

    /// <summary>A generous bound: more processes than this on one machine is a typing error, not a plan.</summary>
    public const int MaxReplicas = 16;

    public static IResourceBuilder<ProjectResource> WithScale(
        this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder, string setting)
    {
        var replicas = Replicas(builder.Configuration, setting);
        return replicas == 1 ? service : service.WithReplicas(replicas);
    }

    /// <summary>The configured count, or 1; anything but a whole number from 1 to <see cref="MaxReplicas"/> stops the app model.</summary>
    public static int Replicas(IConfiguration configuration, string setting)
    {
        var key = $"{Section}:{setting}";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value)) return 1;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) || replicas is < 1 or > MaxReplicas)
        {
            throw new InvalidOperationException($"{key} must be a whole number from 1 to {MaxReplicas}, not '{value}'.");
        }
        return replicas;
    }
}
