using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>reply_markup rules: callback_data size, button count, button kinds.</summary>
public sealed class KeyboardValidationTests
{
    [Fact]
    public async Task SendMessage_with_callback_data_over_64_bytes_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        // 33 × "ä" = 66 bytes but only 33 characters: the limit is in bytes.
        var tooLong = Keyboards.Inline(("A", new string('ä', 33)));
        var fits = Keyboards.Inline(("A", new string('ä', 32)));

        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = tooLong })).ShouldFail(400, "Bad Request: BUTTON_DATA_INVALID");
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = fits })).ShouldSucceed();
    }

    [Fact]
    public async Task SendMessage_with_empty_callback_data_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = Keyboards.Inline(("A", ""));
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = markup })).ShouldFail(400, "Bad Request: BUTTON_DATA_INVALID");
    }

    [Fact]
    public async Task SendMessage_with_over_100_inline_buttons_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = Keyboards.InlineOfCount(101) })).ShouldFail(400, "Bad Request: too many buttons");
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = Keyboards.InlineOfCount(100) })).ShouldSucceed();
    }

    [Fact]
    public async Task SendMessage_with_inline_button_without_action_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = new { inline_keyboard = new[] { new[] { new { text = "nur Text" } } } };
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = markup }))
            .ShouldFail(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }

    [Fact]
    public async Task SendMessage_with_invalid_button_url_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = new { inline_keyboard = new[] { new[] { new { text = "Link", url = "javascript:alert(1)" } } } };
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = markup })).ShouldFail(400, "Bad Request: BUTTON_URL_INVALID");
    }

    [Fact]
    public async Task SendMessage_with_malformed_reply_markup_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = new { buttons = 1 } }))
            .ShouldFail(400, "Bad Request: can't parse reply keyboard markup JSON object");
    }

    [Fact]
    public async Task SendMessage_with_reply_keyboard_shows_it_to_the_user_but_not_in_the_message()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var markup = new { keyboard = new[] { new[] { new { text = "Ja" } } }, resize_keyboard = true };
        var message = (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", reply_markup = markup })).ShouldSucceed();

        Assert.Null(message["reply_markup"]);
        var item = (await sandbox.Control.ChatAsync(chat))[0]!;
        Assert.Equal("Ja", item["replyKeyboard"]!["keyboard"]![0]![0]!["text"]!.GetValue<string>());
    }
}
