using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>sendMessage text rules: presence, length and HTML parsing (the only parse mode the sandbox models).</summary>
public sealed class TextValidationTests
{
    private const string CantParse = "Bad Request: can't parse entities: ";

    [Fact]
    public async Task SendMessage_without_text_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat })).ShouldFail(400, "Bad Request: message text is empty");
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "" })).ShouldFail(400, "Bad Request: message text is empty");
    }

    [Fact]
    public async Task SendMessage_without_chat_id_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("sendMessage", new { text = "Hallo" })).ShouldFail(400, "Bad Request: chat_id is empty");
    }

    [Fact]
    public async Task SendMessage_to_unknown_chat_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = 1_234_567_890, text = "Hallo" })).ShouldFail(400, "Bad Request: chat not found");
    }

    [Fact]
    public async Task SendMessage_with_text_over_4096_chars_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = new string('ä', 4097) })).ShouldFail(400, "Bad Request: message is too long");
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = new string('ä', 4096) })).ShouldSucceed();
    }

    [Fact]
    public async Task SendMessage_length_is_counted_after_entity_parsing()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var text = "<b>" + new string('x', 4096) + "</b>";
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text, parse_mode = "HTML" })).ShouldSucceed();
    }

    [Fact]
    public async Task SendMessage_with_unclosed_html_tag_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var reply = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "<b>Frage 1", parse_mode = "HTML" });
        reply.ShouldFail(400, CantParse + "Can't find end tag corresponding to start tag \"b\"");
    }

    [Fact]
    public async Task SendMessage_with_unknown_html_tag_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var reply = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "Zeile<br>Zeile", parse_mode = "HTML" });
        reply.ShouldFail(400, CantParse + "Unsupported start tag \"br\" at byte offset 5");
    }

    [Fact]
    public async Task SendMessage_with_unescaped_less_than_in_html_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var reply = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "Ü < 3", parse_mode = "HTML" });
        reply.ShouldFail(400, CantParse + "Unsupported start tag \"\" at byte offset 3");
    }

    [Fact]
    public async Task SendMessage_with_mismatched_html_end_tag_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var reply = await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "<b><i>x</b></i>", parse_mode = "HTML" });
        reply.ShouldFail(400, CantParse + "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
    }

    [Fact]
    public async Task SendMessage_with_html_decodes_entities_and_reports_formatting()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var text = "<b>Frage</b> &lt;1&gt; &amp; <a href=\"https://example.org\">Link</a> &#x1F600; Q&A";
        var message = (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text, parse_mode = "HTML" })).ShouldSucceed();

        Assert.Equal("Frage <1> & Link 😀 Q&A", message["text"]!.GetValue<string>());
        var entities = message["entities"]!.AsArray();
        Assert.Equal("bold", entities[0]!["type"]!.GetValue<string>());
        Assert.Equal(5, entities[0]!["length"]!.GetValue<int>());
        Assert.Equal("text_link", entities[1]!["type"]!.GetValue<string>());
        Assert.Equal(12, entities[1]!["offset"]!.GetValue<int>());
        Assert.Equal("https://example.org", entities[1]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_with_unknown_parse_mode_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "x", parse_mode = "BBCode" })).ShouldFail(400, "Bad Request: unsupported parse_mode");
        // The sandbox models HTML, the only mode the bot writes; Markdown is refused openly, never half-parsed.
        (await sandbox.Bot.CallAsync("sendMessage", new { chat_id = chat, text = "*x*", parse_mode = "MarkdownV2" })).ShouldFail(400, "Bad Request: unsupported parse_mode");
    }
}
