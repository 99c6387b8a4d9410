using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Webhook delivery as Telegram does it: secret header, per-chat order, parallelism, retries, duplicates.</summary>
public sealed class WebhookDeliveryTests
{
    private static async Task SetWebhookAsync(SandboxHost sandbox, string url, string? secret = null, int maxConnections = 40) =>
        (await sandbox.Bot.CallAsync("setWebhook", new { url, secret_token = secret, max_connections = maxConnections })).ShouldSucceed();

    [Fact]
    public async Task Webhook_delivery_carries_the_secret_token_header()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = SandboxHost.Start();
        await SetWebhookAsync(sandbox, receiver.Url, "geheim_123-ABC");
        var user = await sandbox.Control.CreateUserAsync();
        var (updateId, _) = await sandbox.Control.SendTextAsync(user, "/start");

        var received = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("geheim_123-ABC", received.Secret);
        Assert.Equal(updateId, received.UpdateId);
        Assert.Equal("/start", received.Update["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_delivery_keeps_order_per_chat_while_chats_run_in_parallel()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, _) =>
        {
            await Task.Delay(Random.Shared.Next(5, 60));
            return 200;
        });
        await using var sandbox = SandboxHost.Start();
        await SetWebhookAsync(sandbox, receiver.Url);
        var users = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await sandbox.Control.CreateUserAsync($"Spieler{i}"));
        }

        for (var round = 0; round < 6; round++)
        {
            foreach (var user in users)
            {
                await sandbox.Control.SendTextAsync(user, $"Antwort {round}");
            }
        }

        var received = await receiver.WaitForAsync(24);
        foreach (var chat in received.GroupBy(r => r.ChatId))
        {
            var inArrivalOrder = chat.OrderBy(r => r.Started).ToList();
            Assert.Equal(inArrivalOrder.Select(r => r.UpdateId).Order(), inArrivalOrder.Select(r => r.UpdateId));
            // The next update of a chat is only sent after the previous one was answered.
            Assert.All(inArrivalOrder.Zip(inArrivalOrder.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Finished));
        }

        Assert.True(receiver.MaxInFlight > 1, "chats should be delivered in parallel");
    }

    [Fact]
    public async Task Webhook_delivery_respects_max_connections()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, _) =>
        {
            await Task.Delay(100);
            return 200;
        });
        await using var sandbox = SandboxHost.Start();
        await SetWebhookAsync(sandbox, receiver.Url, maxConnections: 2);
        for (var i = 0; i < 6; i++)
        {
            await sandbox.Control.SendTextAsync(await sandbox.Control.CreateUserAsync(), "Hallo");
        }

        await receiver.WaitForAsync(6);
        Assert.Equal(2, receiver.MaxInFlight);
    }

    [Fact]
    public async Task Webhook_delivery_retries_after_a_500_and_holds_back_the_chat_meanwhile()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, attempt) => Task.FromResult(attempt == 1 ? 500 : 200));
        await using var sandbox = SandboxHost.Start();
        await SetWebhookAsync(sandbox, receiver.Url);
        var user = await sandbox.Control.CreateUserAsync();
        var (first, _) = await sandbox.Control.SendTextAsync(user, "eins");
        var (second, _) = await sandbox.Control.SendTextAsync(user, "zwei");

        var received = await receiver.WaitForAsync(4);
        Assert.Equal([first!.Value, first.Value, second!.Value, second.Value], received.OrderBy(r => r.Started).Select(r => r.UpdateId));
        Assert.Equal([500, 200, 500, 200], received.OrderBy(r => r.Started).Select(r => r.Status));

        var info = (await sandbox.Bot.CallAsync("getWebhookInfo")).ShouldSucceed();
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", info["last_error_message"]!.GetValue<string>());
        Assert.NotNull(info["last_error_date"]);
        Assert.Equal(0, info["pending_update_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Webhook_info_counts_pending_updates_while_the_bot_is_unreachable()
    {
        await using var sandbox = SandboxHost.Start(webhookRetryDelayMs: 60_000);
        // Port 9 (discard) on loopback: nothing listens, so every delivery fails at once.
        await SetWebhookAsync(sandbox, "http://127.0.0.1:9/hook");
        var user = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.SendTextAsync(user, "eins");
        await sandbox.Control.SendTextAsync(user, "zwei");
        await Task.Delay(500);

        var info = (await sandbox.Bot.CallAsync("getWebhookInfo")).ShouldSucceed();
        Assert.Equal(2, info["pending_update_count"]!.GetValue<int>());
        Assert.Equal("Connection refused", info["last_error_message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_forced_duplicates_are_delivered_N_times()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = SandboxHost.Start();
        await sandbox.Control.SettingsAsync(duplicateDeliveries: 3);
        await SetWebhookAsync(sandbox, receiver.Url);
        var user = await sandbox.Control.CreateUserAsync();
        var (updateId, _) = await sandbox.Control.SendTextAsync(user, "/start");

        var received = await receiver.WaitForAsync(3);
        await Task.Delay(200);
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(received, r => Assert.Equal(updateId, r.UpdateId));
    }

    [Fact]
    public async Task GetUpdates_while_webhook_is_set_conflicts()
    {
        await using var sandbox = SandboxHost.Start();
        await SetWebhookAsync(sandbox, "http://127.0.0.1:9/hook");
        (await sandbox.Bot.CallAsync("getUpdates")).ShouldFail(409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        (await sandbox.Bot.CallAsync("deleteWebhook")).ShouldSucceed();
        (await sandbox.Bot.CallAsync("getUpdates")).ShouldSucceed();
    }

    [Fact]
    public async Task SetWebhook_with_invalid_secret_token_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("setWebhook", new { url = "https://bot.example/hook", secret_token = "nicht erlaubt!" }))
            .ShouldFail(400, "Bad Request: secret token contains unallowed characters");
        (await sandbox.Bot.CallAsync("setWebhook", new { url = "https://bot.example/hook", secret_token = new string('a', 257) }))
            .ShouldFail(400, "Bad Request: secret token contains unallowed characters");
    }

    [Fact]
    public async Task SetWebhook_with_max_connections_outside_1_to_100_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("setWebhook", new { url = "https://bot.example/hook", max_connections = 101 }))
            .ShouldFail(400, "Bad Request: invalid parameter \"max_connections\" in request");
        var info = (await sandbox.Bot.CallAsync("getWebhookInfo")).ShouldSucceed();
        Assert.Equal("", info["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetWebhook_defaults_max_connections_to_40_and_drops_pending_updates_on_request()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.SendTextAsync(user, "eins");
        (await sandbox.Bot.CallAsync("setWebhook", new { url = "http://127.0.0.1:9/hook", drop_pending_updates = true })).ShouldSucceed();

        var info = (await sandbox.Bot.CallAsync("getWebhookInfo")).ShouldSucceed();
        Assert.Equal(40, info["max_connections"]!.GetValue<int>());
        Assert.Equal(0, info["pending_update_count"]!.GetValue<int>());
    }
}
