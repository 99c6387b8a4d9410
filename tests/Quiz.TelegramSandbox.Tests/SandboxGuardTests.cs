using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>The sandbox cannot be deployed by accident (docs/security.md): Development and loopback only.</summary>
public sealed class SandboxGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_sandbox_refuses_to_start(string environment)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(environment));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("only in the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5999")]
    [InlineData("urls", "http://localhost:5998;http://192.0.2.7:5999")]
    [InlineData("urls", "http://*:5999")]
    [InlineData("urls", "http://+:5999")]
    [InlineData("http_ports", "5999")]
    [InlineData("Kestrel:Endpoints:Wide:Url", "http://[::]:5999")]
    public void Configured_to_listen_beyond_loopback_the_sandbox_refuses_to_start(string key, string value)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting(key, value));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5180", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5180", true)]
    [InlineData("https://LOCALHOST", true)]
    [InlineData("http://0.0.0.0:5180", false)]
    [InlineData("http://[::]:5180", false)]
    [InlineData("http://sandbox.example:80", false)]
    public void Loopback_is_recognised(string url, bool loopback) => Assert.Equal(loopback, SandboxGuard.IsLoopback(url));
}
