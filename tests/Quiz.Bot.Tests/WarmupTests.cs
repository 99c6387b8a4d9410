using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Transport;

namespace Quiz.Bot.Tests;

/// <summary>Issue #12 gap A: the bot warms up before it reports ready and before it registers with Telegram.</summary>
public sealed class WarmupTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task The_bot_is_not_ready_before_its_warm_up_ran_and_the_warm_up_leaves_nothing_behind()
    {
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var warmup = host.Services.GetRequiredService<BotWarmup>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(r => r.Name == WarmupHealthCheck.Name)).Status);
        var (players, outbox) = await CountAsync();
        var calls = host.Telegram.Methods.Count;

        await warmup.RunAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(r => r.Name == WarmupHealthCheck.Name)).Status);
        Assert.Equal(["json", "services", "database", "redis", "jit"], warmup.Steps);
        Assert.Equal((players, outbox), await CountAsync());
        Assert.Equal(calls, host.Telegram.Methods.Count);
    }

    [Fact]
    public async Task Startup_registers_with_telegram_and_opens_ready_only_after_the_warm_up()
    {
        var warmup = ActivatorUtilities.CreateInstance<BotWarmup>(host.Services);
        var startup = ActivatorUtilities.CreateInstance<BotStartup>(host.Services, warmup);
        var calls = host.Telegram.Methods.Count;

        await startup.StartAsync(CancellationToken.None);
        await startup.Ready.WaitAsync(TimeSpan.FromMinutes(1));
        await startup.StopAsync(CancellationToken.None);

        Assert.True(warmup.Completed.IsCompletedSuccessfully);
        Assert.Equal(["json", "services", "database", "redis", "jit"], warmup.Steps);
        Assert.Equal("getMe", host.Telegram.Methods[calls]);
    }

    private async Task<(int Players, int Outbox)> CountAsync()
    {
        await using var db = host.Database.CreateContext();
        return (await db.Players.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
