using System.Net;
using Microsoft.Extensions.Time.Testing;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Button presses by simulated users and the bot's answers to them.</summary>
public sealed class CallbackTests
{
    private const string TooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";

    [Fact]
    public async Task Press_sends_callback_query_and_records_the_answer()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "q:1:a"))))["message_id"]!.GetValue<int>();
        var queryId = await sandbox.Control.PressAsync(user, id, "q:1:a");

        var query = (await Updates.WaitForAsync(sandbox.Bot, "callback_query"))["callback_query"]!;
        Assert.Equal(queryId, query["id"]!.GetValue<string>());
        Assert.Equal("q:1:a", query["data"]!.GetValue<string>());
        Assert.Equal(id, query["message"]!["message_id"]!.GetValue<int>());
        Assert.False((await sandbox.Control.CallbackAsync(user, queryId))["answered"]!.GetValue<bool>());

        (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = queryId, text = "Richtig!", show_alert = true })).ShouldSucceed();
        var answer = await sandbox.Control.CallbackAsync(user, queryId);
        Assert.True(answer["answered"]!.GetValue<bool>());
        Assert.Equal("Richtig!", answer["text"]!.GetValue<string>());
        Assert.True(answer["showAlert"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Press_of_a_button_the_message_does_not_have_is_refused_unless_forced()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();

        using var refused = await sandbox.Control.TryPressAsync(user, id, "admin:grant");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await sandbox.Control.PressAsync(user, id, "admin:grant", force: true);
        var query = (await Updates.WaitForAsync(sandbox.Bot, "callback_query"))["callback_query"]!;
        Assert.Equal("admin:grant", query["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnswerCallbackQuery_for_unknown_id_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = "4711" })).ShouldFail(400, TooOld);
    }

    [Fact]
    public async Task AnswerCallbackQuery_twice_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();
        var queryId = await sandbox.Control.PressAsync(user, id, "a");
        (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = queryId })).ShouldSucceed();
        (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = queryId })).ShouldFail(400, TooOld);
    }

    [Fact]
    public async Task AnswerCallbackQuery_too_late_is_rejected()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(clock: clock);
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();
        var queryId = await sandbox.Control.PressAsync(user, id, "a");

        clock.Advance(TimeSpan.FromSeconds(16));
        (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = queryId })).ShouldFail(400, TooOld);
    }

    [Fact]
    public async Task AnswerCallbackQuery_does_not_count_towards_send_limits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(rateLimits: true, clock: clock);
        var user = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(user, "Frage", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();
        for (var i = 0; i < 10; i++)
        {
            var queryId = await sandbox.Control.PressAsync(user, id, "a");
            (await sandbox.Bot.CallAsync("answerCallbackQuery", new { callback_query_id = queryId })).ShouldSucceed();
        }
    }
}
