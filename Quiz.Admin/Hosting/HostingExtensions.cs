using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using IPAddress = System.Net.IPAddress;

namespace Quiz.Admin.Hosting;

internal static class HostingExtensions
{
    private const string DataProtectionKey = "quiz:admin:data-protection-keys";

    /// <summary>
    /// Cookies and antiforgery tokens must survive restarts and be readable by every replica behind
    /// the load balancer, so the key ring lives in the shared Redis.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Quiz.Admin");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) => o.XmlRepository = new RedisXmlRepository(
                () => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), DataProtectionKey));
        return services;
    }

    public static IServiceCollection AddKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
        return services;
    }

    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
