using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>
/// One sandbox per test: in memory (TestServer) by default, or real Kestrel on 127.0.0.1 with a random
/// port when a real HTTP client (Telegram.Bot, webhook delivery) needs it. Optionally on a fake clock.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string Token = "123456:sandbox-token-for-local-runs";

    private readonly Factory _factory;

    private SandboxHost(Factory factory, HttpClient http, Uri baseAddress)
    {
        _factory = factory;
        Http = http;
        BaseAddress = baseAddress;
        Bot = new BotApiCaller(http);
        Control = new ControlClient(http);
    }

    public HttpClient Http { get; }

    public Uri BaseAddress { get; }

    public BotApiCaller Bot { get; }

    public ControlClient Control { get; }

    public FakeTimeProvider? Clock => _factory.Clock;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts a sandbox; rate limits are off unless a test is about them (null = configuration default).</summary>
    public static SandboxHost Start(bool kestrel = false, bool? rateLimits = false, FakeTimeProvider? clock = null, int webhookRetryDelayMs = 100)
    {
        var factory = new Factory(kestrel, rateLimits, clock, webhookRetryDelayMs);
        if (!kestrel)
        {
            var client = factory.CreateClient();
            return new SandboxHost(factory, client, client.BaseAddress!);
        }

        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address);
        return new SandboxHost(factory, new HttpClient { BaseAddress = baseAddress }, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(bool kestrel, bool? rateLimits, FakeTimeProvider? clock, int webhookRetryDelayMs)
        : WebApplicationFactory<Program>
    {
        public FakeTimeProvider? Clock { get; } = clock;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development"); // the sandbox starts nowhere else (SandboxGuard)
            if (rateLimits is { } on)
            {
                builder.UseSetting("Sandbox:RateLimits", on ? "true" : "false");
            }

            builder.UseSetting("Sandbox:WebhookRetryDelayMs", webhookRetryDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Sandbox:WebhookMaxRetryDelayMs", "1000");
            if (kestrel)
            {
                UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            }

            if (Clock is not null)
            {
                builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
            }
        }
    }
}
