using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Quiz.Admin.Auth;
using StackExchange.Redis;
using IPAddress = System.Net.IPAddress;

namespace Quiz.Admin.Hosting;

internal static class HostingExtensions
{
    /// <summary>
    /// Cookies and antiforgery tokens must survive restarts and be readable by every replica behind the load
    /// balancer, so the key ring lives in the shared Redis — encrypted at rest with <see cref="KeyRingOptions"/>, and
    /// one ring per sign-in mode (its own Redis key and application name), so a cookie made by a local-key console
    /// is never accepted by an OIDC console, even with the same Redis and key.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, AdminAuthMode mode)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection().SetApplicationName(ApplicationName(mode));
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                o.XmlRepository = new RedisXmlRepository(() => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), RingKey(mode));
                o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<IOptions<KeyRingOptions>>());
            });
        return services;
    }

    public static string RingKey(AdminAuthMode mode) => $"quiz:admin:{mode.ToString().ToLowerInvariant()}:data-protection-keys";

    public static string ApplicationName(AdminAuthMode mode) => $"Quiz.Admin/{mode}";

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
