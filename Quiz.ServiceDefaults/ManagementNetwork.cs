using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Quiz.ServiceDefaults;

/// <summary>
/// Where <c>/ready</c> and <c>/metrics</c> may be read from (configuration section <c>Management</c>): the
/// management network, by default loopback only. Anything else — another address, or any request that came
/// through a proxy (it carries <c>X-Forwarded-For</c>/<c>Forwarded</c>) — gets 404, as if the path did not
/// exist. <c>/health</c> (alive or not, nothing else) stays open for load balancers.
/// </summary>
public sealed class ManagementNetworkOptions
{
    public const string Section = "Management";

    public static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    /// <summary>CIDR networks; none configured means <see cref="Loopback"/>. (No initial value: the binder would add to it.)</summary>
    public string[]? AllowedNetworks { get; set; }

    public string[] Effective => AllowedNetworks is { Length: > 0 } configured ? configured : Loopback;
}

internal static class ManagementNetwork
{
    public static void AddManagementNetwork(this IServiceCollection services) =>
        services.AddOptions<ManagementNetworkOptions>().BindConfiguration(ManagementNetworkOptions.Section)
            .Validate(o => o.Effective.All(n => IPNetwork.TryParse(n, out _)), "Management:AllowedNetworks must be CIDR networks such as 10.0.0.0/8.")
            .ValidateOnStart();

    /// <summary>Answers 404 to management paths requested from outside the management network.</summary>
    public static void UseManagementNetwork(this WebApplication app, params string[] paths)
    {
        var networks = app.Services.GetRequiredService<IOptions<ManagementNetworkOptions>>().Value.Effective.Select(IPNetwork.Parse).ToArray();
        app.Use(async (context, next) =>
        {
            if (paths.Any(p => context.Request.Path.StartsWithSegments(p)) && !IsManagement(context, networks))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
    }

    private static bool IsManagement(HttpContext context, IPNetwork[] networks)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded")) return false;
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}
