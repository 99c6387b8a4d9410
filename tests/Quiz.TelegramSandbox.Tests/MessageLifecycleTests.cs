using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Editing and deleting: what Telegram allows, refuses, and what the user then sees.</summary>
public sealed class MessageLifecycleTests
{
    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    [Fact]
    public async Task EditMessageText_with_identical_content_and_markup_is_not_modified()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = Keyboards.Inline(("A", "a"));
        var sent = await sandbox.Bot.SendTextAsync(chat, "Frage", markup);
        var id = sent["message_id"]!.GetValue<int>();

        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = id, text = "Frage", reply_markup = markup })).ShouldFail(400, NotModified);
        // Same text but without the keyboard is a change: omitting reply_markup removes it.
        var edited = (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = id, text = "Frage" })).ShouldSucceed();
        Assert.Null(edited["reply_markup"]);
        Assert.NotNull(edited["edit_date"]);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_with_identical_markup_is_not_modified()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = Keyboards.Inline(("A", "a"));
        var id = (await sandbox.Bot.SendTextAsync(chat, "Frage", markup))["message_id"]!.GetValue<int>();

        (await sandbox.Bot.CallAsync("editMessageReplyMarkup", new { chat_id = chat, message_id = id, reply_markup = markup })).ShouldFail(400, NotModified);
        (await sandbox.Bot.CallAsync("editMessageReplyMarkup", new { chat_id = chat, message_id = id, reply_markup = Keyboards.Inline(("B", "b")) })).ShouldSucceed();
    }

    [Fact]
    public async Task EditMessageText_of_unknown_message_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = 42, text = "neu" })).ShouldFail(400, "Bad Request: message to edit not found");
    }

    [Fact]
    public async Task EditMessageText_of_a_users_message_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var (_, messageId) = await sandbox.Control.SendTextAsync(chat, "Hallo");
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = messageId, text = "neu" })).ShouldFail(400, "Bad Request: message can't be edited");
    }

    [Fact]
    public async Task EditMessageText_with_html_error_is_rejected_and_keeps_the_message()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var id = (await sandbox.Bot.SendTextAsync(chat, "alt"))["message_id"]!.GetValue<int>();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = id, text = "<b>neu", parse_mode = "HTML" }))
            .ShouldFail(400, "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        Assert.Equal("alt", (await sandbox.Control.ChatAsync(chat))[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteMessage_of_unknown_message_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("deleteMessage", new { chat_id = chat, message_id = 7 })).ShouldFail(400, "Bad Request: message to delete not found");
    }

    [Fact]
    public async Task Chat_shows_messages_after_edits_and_deletes_in_order()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.SendTextAsync(chat, "/start");
        var first = (await sandbox.Bot.SendTextAsync(chat, "eins", Keyboards.Inline(("A", "a"))))["message_id"]!.GetValue<int>();
        var second = (await sandbox.Bot.SendTextAsync(chat, "zwei"))["message_id"]!.GetValue<int>();
        (await sandbox.Bot.CallAsync("editMessageText", new { chat_id = chat, message_id = first, text = "<i>eins*</i>", parse_mode = "HTML" })).ShouldSucceed();
        (await sandbox.Bot.CallAsync("deleteMessage", new { chat_id = chat, message_id = second })).ShouldSucceed();

        var items = await sandbox.Control.ChatAsync(chat);
        Assert.Equal(2, items.Count);
        Assert.False(items[0]!["fromBot"]!.GetValue<bool>());
        Assert.Equal("eins*", items[1]!["text"]!.GetValue<string>());
        Assert.NotNull(items[1]!["editDate"]);
        Assert.Null(items[1]!["replyMarkup"]);
        (await sandbox.Bot.CallAsync("deleteMessage", new { chat_id = chat, message_id = second })).ShouldFail(400, "Bad Request: message to delete not found");
    }

    [Fact]
    public async Task SendMessage_to_user_who_blocked_the_bot_is_forbidden()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        await sandbox.Control.BlockAsync(chat);
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "Hallo?" })).ShouldFail(403, "Forbidden: bot was blocked by the user");
        (await sandbox.Bot.CallAsync("sendChatAction", new { chat_id = chat, action = "typing" })).ShouldFail(403, "Forbidden: bot was blocked by the user");

        await sandbox.Control.UnblockAsync(chat);
        await sandbox.Bot.SendTextAsync(chat, "Willkommen zurück");
    }

    [Fact]
    public async Task SendChatAction_with_unknown_action_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendChatAction", new { chat_id = chat, action = "dancing" })).ShouldFail(400, "Bad Request: wrong parameter action in request");
        (await sandbox.Bot.CallAsync("sendChatAction", new { chat_id = chat, action = "typing" })).ShouldSucceed();
    }

    [Fact]
    public async Task SetMyCommands_stores_commands_and_refuses_invalid_names()
    {
        await using var sandbox = SandboxHost.Start();
        var commands = new[] { new { command = "start", description = "Spiel starten" }, new { command = "hilfe", description = "Hilfe" } };
        (await sandbox.Bot.CallAsync("setMyCommands", new { commands })).ShouldSucceed();
        var stored = (await sandbox.Bot.CallAsync("getMyCommands")).ShouldSucceed().AsArray();
        Assert.Equal(["start", "hilfe"], stored.Select(c => c!["command"]!.GetValue<string>()));

        var invalid = new[] { new { command = "Start!", description = "x" } };
        (await sandbox.Bot.CallAsync("setMyCommands", new { commands = invalid })).ShouldFail(400, "Bad Request: BOT_COMMAND_INVALID");
    }
}
