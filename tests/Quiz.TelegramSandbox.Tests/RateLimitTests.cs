using Microsoft.Extensions.Time.Testing;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Telegram's send limits, on a fake clock so that the buckets refill only when a test says so.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SendMessage_beyond_the_private_chat_burst_gets_429_with_retry_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        var user = await sandbox.Control.CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await sandbox.Bot.SendTextAsync(user, $"Nachricht {i}");
        }

        var limited = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = user, text = "zu viel" });
        limited.ShouldFail(429, "Too Many Requests: retry after 1");
        Assert.Equal(1, limited.Body["parameters"]!["retry_after"]!.GetValue<int>());

        clock.Advance(TimeSpan.FromSeconds(1));
        await sandbox.Bot.SendTextAsync(user, "wieder erlaubt");
    }

    [Fact]
    public async Task Edits_count_towards_the_chat_limit()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "v0"))["message_id"]!.GetValue<int>();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = user, message_id = id, text = "v1" })).ShouldSucceed();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = user, message_id = id, text = "v2" })).ShouldSucceed();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = user, message_id = id, text = "v3" })).ShouldFail(429, "Too Many Requests: retry after 1");
        Assert.Equal("v2", (await sandbox.Control.ChatAsync(user))[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_beyond_30_per_second_overall_gets_429()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        for (var i = 0; i < 30; i++)
        {
            await sandbox.Bot.SendTextAsync(await sandbox.Control.CreateUserAsync(), "Turnier startet");
        }

        var user = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = user, text = "Turnier startet" })).ShouldFail(429, "Too Many Requests: retry after 1");
    }

    [Fact]
    public async Task Rate_limits_switched_off_never_answer_429()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        var settings = await sandbox.Control.SettingsAsync(rateLimits: false);
        Assert.False(settings["rateLimits"]!.GetValue<bool>());
        var user = await sandbox.Control.CreateUserAsync();
        for (var i = 0; i < 50; i++)
        {
            await sandbox.Bot.SendTextAsync(user, $"Nachricht {i}");
        }
    }

    [Fact]
    public async Task Rate_limits_are_on_by_default()
    {
        await using var sandbox = SandboxHost.Start(rateLimits: null);
        var settings = await sandbox.Http.GetStringAsync("/sandbox/api/settings");
        Assert.Contains("\"rateLimits\":true", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paid_broadcast_passes_the_overall_limit_up_to_1000_per_second_and_is_charged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        var users = new List<long>();
        for (var i = 0; i < 1001; i++) users.Add(await sandbox.Control.CreateUserAsync());
        for (var i = 0; i < 30; i++) await sandbox.Bot.SendTextAsync(users[i], "Turnier startet");
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = users[30], text = "Turnier startet" })).ShouldFail(429, "Too Many Requests: retry after 1");

        // Over the free 30/s: with allow_paid_broadcast 1,000 more go out in the same second, the next one is refused.
        for (var i = 0; i < 1000; i++)
        {
            (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = users[i + 1], text = "Turnier startet", allow_paid_broadcast = true })).ShouldSucceed();
        }
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = users[0], text = "Turnier startet", allow_paid_broadcast = true }))
            .ShouldFail(429, "Too Many Requests: retry after 1");

        var paid = System.Text.Json.Nodes.JsonNode.Parse(await sandbox.Http.GetStringAsync("/sandbox/api/paid-broadcast"))!;
        Assert.Equal((1000L, 100m), (paid["messages"]!.GetValue<long>(), paid["stars"]!.GetValue<decimal>()));
    }
}
