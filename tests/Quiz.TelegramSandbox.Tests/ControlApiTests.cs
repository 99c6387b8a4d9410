using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>The control API contract the bot's tests code against, and getUpdates semantics.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Users_get_unique_realistic_ids_and_a_private_chat_with_the_same_id()
    {
        await using var sandbox = SandboxHost.Start();
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await sandbox.Control.CreateUserAsync($"Spieler{i}"));
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 1_000_000_000, 9_999_999_999));
    }

    [Fact]
    public async Task Block_and_unblock_send_my_chat_member_updates()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.BlockAsync(user);
        await sandbox.Control.UnblockAsync(user);

        var changes = (await sandbox.Bot.GetUpdatesAsync()).Select(u => u!["my_chat_member"]!).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal("kicked", changes[0]["new_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal("member", changes[0]["old_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal("member", changes[1]["new_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal(user, changes[0]["chat"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetUpdates_confirms_with_offset_and_update_ids_increase()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var (a, _) = await sandbox.Control.SendTextAsync(user, "eins");
        var (b, _) = await sandbox.Control.SendTextAsync(user, "zwei");
        var (c, _) = await sandbox.Control.SendTextAsync(user, "drei");

        Assert.True(a < b && b < c);
        Assert.Equal(2, (await sandbox.Bot.CallAsync("getUpdates", new { limit = 2 })).ShouldSucceed().AsArray().Count);
        var rest = await sandbox.Bot.GetUpdatesAsync(offset: b!.Value);
        Assert.Equal([b, c], rest.Select(u => (int?)u!["update_id"]!.GetValue<int>()));
        Assert.Equal(2, (await sandbox.Bot.GetUpdatesAsync()).Count);
    }

    [Fact]
    public async Task GetUpdates_honours_allowed_updates()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("getUpdates", new { allowed_updates = new[] { "callback_query" } })).ShouldSucceed();
        var user = await sandbox.Control.CreateUserAsync();
        var (updateId, _) = await sandbox.Control.SendTextAsync(user, "wird nicht zugestellt");
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();
        await sandbox.Control.PressAsync(user, id, "a");

        Assert.Null(updateId);
        var update = Assert.Single(await sandbox.Bot.GetUpdatesAsync());
        Assert.NotNull(update!["callback_query"]);
    }

    [Fact]
    public async Task A_newer_getUpdates_ends_the_waiting_one_with_409()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        var first = sandbox.Bot.CallAsync("getUpdates", new { timeout = 20 });
        await Task.Delay(300);
        var second = sandbox.Bot.CallAsync("getUpdates", new { timeout = 1 });

        (await first.WaitAsync(TimeSpan.FromSeconds(10))).ShouldFail(409,
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        (await second).ShouldSucceed();
    }

    [Fact]
    public async Task Raw_updates_are_enqueued_as_sent_with_an_assigned_update_id()
    {
        await using var sandbox = SandboxHost.Start();
        var raw = new JsonObject { ["message"] = new JsonObject { ["text"] = "kaputt", ["date"] = "gestern" } };
        var id = await sandbox.Control.RawUpdateAsync(raw);

        var update = Assert.Single(await sandbox.Bot.GetUpdatesAsync())!;
        Assert.Equal(id, update["update_id"]!.GetValue<int>());
        Assert.Equal("gestern", update["message"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_clears_users_calls_webhook_and_updates()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.SendTextAsync(user, "Hallo");
        (await sandbox.Bot.CallAsync("setWebhook", new { url = "http://127.0.0.1:9/hook" })).ShouldSucceed();
        await sandbox.Control.ResetAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await sandbox.Http.GetAsync($"/sandbox/api/users/{user}")).StatusCode);
        Assert.Empty(await sandbox.Control.CallsAsync());
        Assert.Empty(await sandbox.Bot.GetUpdatesAsync());
    }

    [Fact]
    public async Task Settings_roundtrip_and_refuse_out_of_range_duplicates()
    {
        await using var sandbox = SandboxHost.Start();
        var set = await sandbox.Control.SettingsAsync(rateLimits: true, duplicateDeliveries: 2);
        Assert.True(set["rateLimits"]!.GetValue<bool>());
        Assert.Equal(2, set["duplicateDeliveries"]!.GetValue<int>());

        using var refused = await sandbox.Http.PostAsJsonAsync("/sandbox/api/settings", new { duplicateDeliveries = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Messages_from_unknown_users_are_refused()
    {
        await using var sandbox = SandboxHost.Start();
        using var response = await sandbox.Http.PostAsJsonAsync("/sandbox/api/users/42/messages", new { text = "/start" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
