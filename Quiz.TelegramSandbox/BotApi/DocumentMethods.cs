using System.Collections.Concurrent;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Text;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>
/// sendDocument: a file uploaded with multipart/form-data (kept with its bytes, so tests and the web UI
/// can read it) or resent by the file_id of an earlier upload; the caption parses like a text (0–1024).
/// </summary>
public sealed class DocumentMethods(SandboxWorld world, SendRateLimiter limiter) : IBotMethodGroup
{
    public const int MaxCaptionLength = 1024;

    private readonly ConcurrentDictionary<string, StoredDocument> byFileId = new(StringComparer.Ordinal);

    public void Register(BotMethodRouter router) => router.Map("sendDocument", SendDocument);

    private BotResult SendDocument(BotParameters p)
    {
        var user = world.ResolveWritableChat(p.String("chat_id"));
        var document = Document(p);
        var caption = p.String("caption") is { Length: > 0 } text ? FormattedText.Parse(text, p.String("parse_mode"), p.Json("caption_entities")) : null;
        if (caption?.Text.Length > MaxCaptionLength)
        {
            throw BotApiException.BadRequest("message caption is too long");
        }

        var markup = ReplyMarkup.Parse(p.Json("reply_markup"));
        limiter.Acquire(user.Id);
        var message = world.AddMessage(user.Id, fromBot: true, m =>
        {
            m.Document = document;
            m.Caption = caption?.Text;
            m.CaptionEntities = caption?.Entities;
            m.InlineMarkup = markup.Inline;
            m.ReplyKeyboard = markup.UserKeyboard;
        });
        return BotResult.Of(world.ToWire(message));
    }

    private StoredDocument Document(BotParameters p)
    {
        if (p.Upload("document") is { } upload)
        {
            if (upload.Content.Length == 0)
            {
                throw BotApiException.BadRequest("file must be non-empty");
            }

            var unique = Guid.NewGuid().ToString("N");
            var stored = new StoredDocument("doc-" + unique, unique[..16], upload.FileName, upload.ContentType, upload.Content);
            byFileId[stored.FileId] = stored;
            return stored;
        }

        return byFileId.TryGetValue(p.String("document")!, out var known)
            ? known
            : throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }
}
