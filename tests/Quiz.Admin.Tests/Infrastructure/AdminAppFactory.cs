using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// The real console (its own Program) with test settings. In-memory by default; <see cref="StartKestrel"/>
/// puts it on a loopback port for a browser.
/// </summary>
public sealed class AdminAppFactory : WebApplicationFactory<Program>
{
    public const string ApiToken = "test-api-token-0123456789abcdefghijklmnop";
    public const string KeyRingKey = "test-key-ring-key-0123456789abcdefghijklmnop";

    /// <summary>TestServer requests have no peer; tests pick one with this header (loopback by default).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private readonly Dictionary<string, string?> settings;
    private readonly string environment;

    public AdminAppFactory(string connectionString, string environment = "Development", IDictionary<string, string?>? overrides = null)
    {
        this.environment = environment;
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:quizdb"] = connectionString,
            ["ConnectionStrings:cache"] = TestEnvironment.Redis,
            ["Admin:Api:Token"] = ApiToken,
            ["Admin:DataProtection:Key"] = KeyRingKey,
            ["Game:SetSecret"] = "test-question-set-secret-0123456789abcdef",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // UseSetting (not ConfigureAppConfiguration) so that Program sees the values while it still builds.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
    }

    private sealed class TestRemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Connection.RemoteIpAddress is null)
                {
                    context.Connection.RemoteIpAddress =
                        context.Request.Headers.TryGetValue(RemoteAddressHeader, out var value) ? IPAddress.Parse(value.ToString()) : IPAddress.Loopback;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
