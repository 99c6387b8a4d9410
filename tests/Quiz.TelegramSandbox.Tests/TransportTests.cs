using System.Net;
using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Token, method names, the four ways to pass parameters and the response envelope.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Unknown_token_is_unauthorized()
    {
        await using var sandbox = SandboxHost.Start();
        var reply = await new BotApiCaller(sandbox.Http, "999:wrong").CallAsync("getMe");
        reply.ShouldFail(401, "Unauthorized");
    }

    [Fact]
    public async Task Unknown_method_is_not_found()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("sendTelepathy")).ShouldFail(404, "Not Found");
    }

    [Fact]
    public async Task Method_names_are_case_insensitive()
    {
        await using var sandbox = SandboxHost.Start();
        var me = (await sandbox.Bot.GetAsync(sandbox.Bot.Path("GETME"))).ShouldSucceed();
        Assert.Equal(123456, me["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetMe_describes_the_sandbox_bot()
    {
        await using var sandbox = SandboxHost.Start();
        var me = (await sandbox.Bot.CallAsync("getMe")).ShouldSucceed();
        Assert.True(me["is_bot"]!.GetValue<bool>());
        Assert.Equal("Quiz", me["first_name"]!.GetValue<string>());
        Assert.Equal("QuizSandboxBot", me["username"]!.GetValue<string>());
        Assert.False(me["can_join_groups"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Parameters_are_read_from_query_string_form_and_multipart()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var viaQuery = await sandbox.Bot.GetAsync(sandbox.Bot.Path($"sendMessage?chat_id={chat}&text=Hallo%20Query"));
        var viaForm = await sandbox.Bot.FormAsync("sendMessage", new Dictionary<string, string> { ["chat_id"] = chat.ToString(), ["text"] = "Hallo Form" });
        var viaMultipart = await sandbox.Bot.MultipartAsync("sendMessage", new Dictionary<string, string>
        {
            ["chat_id"] = chat.ToString(),
            ["text"] = "Hallo Multipart",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}""",
        });

        Assert.Equal("Hallo Query", viaQuery.ShouldSucceed()["text"]!.GetValue<string>());
        Assert.Equal("Hallo Form", viaForm.ShouldSucceed()["text"]!.GetValue<string>());
        Assert.Equal("a", viaMultipart.ShouldSucceed()["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_use_unix_seconds_and_omit_null_fields()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var message = await sandbox.Bot.SendTextAsync(chat, "Hallo");

        var date = message["date"]!.GetValue<long>();
        Assert.InRange(date, before - 1, before + 5);
        Assert.False(message.ContainsKey("edit_date"));
        Assert.False(message.ContainsKey("reply_markup"));
        Assert.DoesNotContain("null", message.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_carry_telegram_envelope_without_result()
    {
        await using var sandbox = SandboxHost.Start();
        var reply = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = 1, text = "x" });
        reply.ShouldFail(400, "Bad Request: chat not found");
        Assert.False(reply.Body.ContainsKey("result"));
    }

    [Fact]
    public async Task Health_and_ready_answer_200()
    {
        await using var sandbox = SandboxHost.Start();
        Assert.Equal(HttpStatusCode.OK, (await sandbox.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.Http.GetAsync("/ready")).StatusCode);
    }

    [Fact]
    public async Task Chat_page_is_served_in_german()
    {
        await using var sandbox = SandboxHost.Start();
        var html = await sandbox.Http.GetStringAsync("/");
        Assert.Contains("lang=\"de\"", html, StringComparison.Ordinal);
        Assert.Contains("Nutzer anlegen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_are_logged_with_parameters_and_outcome()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var seq = (await sandbox.Control.CallsAsync()).Count;
        await sandbox.Bot.SendTextAsync(chat, "eins");
        await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat });
        await sandbox.Bot.CallAsync("getMe");

        var calls = await sandbox.Control.CallsAsync("sendmessage", seq);
        Assert.Equal(2, calls.Count);
        Assert.Equal("eins", calls[0]!["parameters"]!["text"]!.GetValue<string>());
        Assert.True(calls[0]!["ok"]!.GetValue<bool>());
        Assert.Equal(400, calls[1]!["errorCode"]!.GetValue<int>());
        Assert.Equal("Bad Request: message text is empty", calls[1]!["description"]!.GetValue<string>());
        Assert.True(calls[1]!["seq"]!.GetValue<long>() > calls[0]!["seq"]!.GetValue<long>());
        Assert.IsType<JsonObject>(calls[0]!["parameters"]);
    }
}
