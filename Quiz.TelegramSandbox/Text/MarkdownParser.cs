using System.Text;
using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Text;

/// <summary>
/// A minimal MarkdownV2 (and legacy Markdown) parser: bold, italic, underline, strikethrough, spoiler,
/// inline code, pre blocks and [text](url), with Telegram's rule that every reserved character outside
/// an entity must be escaped. Enough to catch the usual escaping bugs of a bot.
/// </summary>
public static class MarkdownParser
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    private sealed record Open(string Kind, int TextOffset, int Index);

    public static FormattedText Parse(string source, bool legacy)
    {
        var text = new StringBuilder(source.Length);
        var entities = new List<MessageEntity>();
        var open = new List<Open>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length && (!legacy || "_*`[".Contains(source[i + 1], StringComparison.Ordinal)))
            {
                text.Append(source[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                i = Code(source, i, text, entities, legacy);
            }
            else if (Toggle(source, i, legacy) is { } kind)
            {
                var existing = open.FindLast(o => o.Kind == kind);
                if (existing is null)
                {
                    open.Add(new Open(kind, text.Length, i));
                }
                else
                {
                    open.Remove(existing);
                    AddEntity(entities, kind, existing.TextOffset, text.Length, null);
                }

                i += kind is "underline" or "spoiler" ? 2 : 1;
            }
            else if (c == ']' && open.FindLast(o => o.Kind == "text_link") is { } link)
            {
                i = LinkTarget(source, i, link, open, text.Length, entities, legacy);
            }
            else if (!legacy && Reserved.Contains(c, StringComparison.Ordinal) && !(c == '>' && AtLineStart(source, i)))
            {
                throw ErrorTexts.CantParseEntities($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
            }
            else
            {
                text.Append(c == '>' && !legacy ? "" : c.ToString());
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw Unclosed(source, open[0].Kind, open[0].Index, legacy);
        }

        return new FormattedText(text.ToString(), entities.Count == 0 ? null : entities);
    }

    private static string? Toggle(string s, int i, bool legacy) => s[i] switch
    {
        '*' => "bold",
        '_' when !legacy && i + 1 < s.Length && s[i + 1] == '_' => "underline",
        '_' => "italic",
        '~' when !legacy => "strikethrough",
        '|' when !legacy && i + 1 < s.Length && s[i + 1] == '|' => "spoiler",
        '[' => "text_link",
        _ => null,
    };

    private static int Code(string s, int i, StringBuilder text, List<MessageEntity> entities, bool legacy)
    {
        var fence = string.CompareOrdinal(s, i, "```", 0, 3) == 0;
        var start = i + (fence ? 3 : 1);
        string? language = null;
        if (fence)
        {
            var newline = s.IndexOf('\n', start);
            if (newline > start && !s[start..newline].Contains('`', StringComparison.Ordinal))
            {
                language = s[start..newline].Trim();
                start = newline + 1;
            }
        }

        var offset = text.Length;
        for (var j = start; j < s.Length; j++)
        {
            if (s[j] == '\\' && !legacy && j + 1 < s.Length && s[j + 1] is '`' or '\\')
            {
                text.Append(s[++j]);
            }
            else if (s[j] == '`' && (!fence || string.CompareOrdinal(s, j, "```", 0, 3) == 0))
            {
                AddEntity(entities, fence ? "pre" : "code", offset, text.Length, language is { Length: > 0 } ? language : null);
                return j + (fence ? 3 : 1);
            }
            else
            {
                text.Append(s[j]);
            }
        }

        throw Unclosed(s, fence ? "pre" : "code", i, legacy);
    }

    private static int LinkTarget(string s, int i, Open link, List<Open> open, int textLength, List<MessageEntity> entities, bool legacy)
    {
        var close = i + 1 < s.Length && s[i + 1] == '(' ? s.IndexOf(')', i + 2) : -1;
        if (close < 0)
        {
            throw Unclosed(s, "text_link", link.Index, legacy);
        }

        open.Remove(link);
        AddEntity(entities, "text_link", link.TextOffset, textLength, s[(i + 2)..close].Replace("\\)", ")", StringComparison.Ordinal));
        return close + 1;
    }

    private static void AddEntity(List<MessageEntity> entities, string kind, int from, int to, string? extra)
    {
        if (to > from)
        {
            entities.Add(new MessageEntity(kind, from, to - from, kind == "text_link" ? extra : null, kind == "pre" ? extra : null));
        }
    }

    private static bool AtLineStart(string s, int i) => i == 0 || s[i - 1] == '\n';

    private static BotApiException Unclosed(string s, string kind, int index, bool legacy)
    {
        var bytes = Encoding.UTF8.GetByteCount(s.AsSpan(0, index));
        if (legacy)
        {
            return ErrorTexts.CantParseEntities($"Can't find end of the entity starting at byte offset {bytes}");
        }

        var name = kind switch
        {
            "bold" => "Bold",
            "italic" => "Italic",
            "underline" => "Underline",
            "strikethrough" => "Strikethrough",
            "spoiler" => "Spoiler",
            "code" => "Code",
            "pre" => "Pre",
            _ => "TextUrl",
        };
        return ErrorTexts.CantParseEntities($"Can't find end of {name} entity at byte offset {bytes}");
    }
}
