using System.Text;
using Quiz.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>sendDocument with a multipart upload, as the unmodified Telegram.Bot client sends it.</summary>
public sealed class DocumentTests
{
    private static TelegramBotClient Client(SandboxHost sandbox, HttpClient http) =>
        new(new TelegramBotClientOptions(SandboxHost.Token, sandbox.BaseAddress.ToString().TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 }, http);

    [Fact]
    public async Task An_uploaded_document_arrives_with_name_size_caption_and_its_bytes()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync("Anna");
        var content = Encoding.UTF8.GetBytes("{\"profile\":{\"first_name\":\"Anna\"}}");

        var sent = await bot.SendDocument(user, InputFile.FromStream(new MemoryStream(content), "meinedaten.json"),
            caption: "📄 <b>Deine Daten</b>", parseMode: ParseMode.Html);
        var again = await bot.SendDocument(user, InputFile.FromFileId(sent.Document!.FileId));

        Assert.Equal(("meinedaten.json", (long?)content.Length, "📄 Deine Daten"), (sent.Document.FileName, sent.Document.FileSize, sent.Caption));
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.CaptionEntities!).Type);
        Assert.Equal(sent.Document.FileId, again.Document!.FileId);
        var item = (await sandbox.Control.ChatAsync(user)).Single(m => m!["messageId"]!.GetValue<int>() == sent.MessageId)!;
        Assert.Equal("meinedaten.json", item["document"]!["file_name"]!.GetValue<string>());
        Assert.Equal(content, await sandbox.Http.GetByteArrayAsync($"/sandbox/api/users/{user}/chat/{sent.MessageId}/document"));
        // The client uploads the stream as a part of its own that "document" names ("attach://<part>"):
        // that part is the upload, not a parameter, so the call log holds only documented names.
        var logged = (await sandbox.Control.CallsAsync("senddocument"))[0]!["parameters"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(["caption", "chat_id", "document", "parse_mode"], logged);
    }

    [Fact]
    public async Task Unknown_file_ids_empty_files_and_long_captions_are_refused_like_Telegram()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync();

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendDocument(user, InputFile.FromFileId("doc-nope")));
        var empty = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendDocument(user, InputFile.FromStream(new MemoryStream(), "leer.json")));
        var longCaption = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SendDocument(user, InputFile.FromStream(new MemoryStream([1]), "a.bin"), caption: new string('x', 1025)));

        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", unknown.Message);
        Assert.Equal("Bad Request: file must be non-empty", empty.Message);
        Assert.Equal("Bad Request: message caption is too long", longCaption.Message);
        Assert.Empty(await sandbox.Control.ChatAsync(user));
    }
}
