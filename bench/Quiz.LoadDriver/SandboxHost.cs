extern alias sandbox;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Quiz.LoadDriver;

/// <summary>The Telegram sandbox (its own Program, Kestrel on loopback) with Telegram's rate limits on, as the end-to-end tests run it.</summary>
internal sealed class SandboxHost(string botToken) : WebApplicationFactory<sandbox::Program>
{
    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("Quiz.TelegramSandbox", "Quiz.Aspire.sln");
        builder.UseEnvironment("Development");
        builder.UseSetting("Sandbox:BotToken", botToken);
        builder.UseSetting("Sandbox:RateLimits", "true");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}
