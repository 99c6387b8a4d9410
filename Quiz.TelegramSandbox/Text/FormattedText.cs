using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Text;

public sealed record FormattedText(string Text, IReadOnlyList<MessageEntity>? Entities)
{
    public const int MaxLength = 4096;

    /// <summary>
    /// Turns text + parse_mode (or explicit entities) into what Telegram stores: plain text and entities,
    /// refusing what Telegram refuses (unparsable markup, empty or over-long text). The bot writes HTML only, so
    /// the sandbox parses HTML; Markdown and MarkdownV2 are refused as unsupported rather than half-modelled.
    /// </summary>
    public static FormattedText Parse(string? text, string? parseMode, JsonNode? entities)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ErrorTexts.TextEmpty();
        }

        FormattedText result;
        if (entities is not null)
        {
            result = new FormattedText(text, ReadEntities(entities, text.Length));
        }
        else
        {
            result = parseMode?.ToLowerInvariant() switch
            {
                null or "" => new FormattedText(text, null),
                "html" => HtmlEntityParser.Parse(text),
                _ => throw ErrorTexts.UnsupportedParseMode(),
            };
        }

        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw ErrorTexts.TextEmpty();
        }

        return result.Text.Length > MaxLength ? throw ErrorTexts.MessageTooLong() : result;
    }

    private static List<MessageEntity>? ReadEntities(JsonNode node, int textLength)
    {
        if (node is not JsonArray array)
        {
            throw ErrorTexts.Invalid("entities");
        }

        var list = new List<MessageEntity>();
        foreach (var item in array)
        {
            var type = item?["type"]?.GetValue<string>();
            var offset = item?["offset"]?.GetValue<int>() ?? -1;
            var length = item?["length"]?.GetValue<int>() ?? -1;
            if (type is null || offset < 0 || length <= 0 || offset + length > textLength)
            {
                throw ErrorTexts.CantParseEntities("invalid entity");
            }

            list.Add(new MessageEntity(type, offset, length, item?["url"]?.GetValue<string>(), item?["language"]?.GetValue<string>()));
        }

        return list.Count == 0 ? null : list;
    }

    /// <summary>Telegram marks a leading /command in a user's message as a bot_command entity.</summary>
    public static IReadOnlyList<MessageEntity>? CommandEntities(string text)
    {
        if (!text.StartsWith('/'))
        {
            return null;
        }

        var length = 1;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] is '_' or '@'))
        {
            length++;
        }

        return length > 1 ? [new MessageEntity("bot_command", 0, length)] : null;
    }
}
