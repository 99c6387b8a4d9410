using System.Globalization;
using System.Text;
using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Text;

/// <summary>
/// parse_mode=HTML as Telegram understands it: only its tags, only &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric
/// character references (any other '&amp;' stays literal, as in Telegram), and its error texts with byte offsets.
/// </summary>
public static class HtmlEntityParser
{
    private sealed record OpenTag(string Name, int TextOffset, string? Url, string? Language, bool Expandable);

    public static FormattedText Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<MessageEntity>();
        var open = new Stack<OpenTag>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                i = DecodeEntity(html, i, text);
            }
            else if (c != '<')
            {
                text.Append(c);
                i++;
            }
            else if (i + 1 < html.Length && html[i + 1] == '/')
            {
                i = CloseTag(html, i, open, text.Length, entities);
            }
            else
            {
                i = StartTag(html, i, open, text.Length);
            }
        }

        if (open.Count > 0)
        {
            throw ErrorTexts.CantParseEntities($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        }

        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return new FormattedText(text.ToString(), entities.Count == 0 ? null : entities);
    }

    private static int StartTag(string html, int start, Stack<OpenTag> open, int textOffset)
    {
        var i = start + 1;
        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }

        var name = html[nameStart..i].ToLowerInvariant();
        if (!HtmlTags.IsSupported(name))
        {
            throw ErrorTexts.CantParseEntities($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, start)}");
        }

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                throw ErrorTexts.CantParseEntities($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
            }

            if (html[i] == '>')
            {
                break;
            }

            i = ReadAttribute(html, i, start, attributes);
        }

        if (name == "span" && (!attributes.TryGetValue("class", out var cls) || cls != "tg-spoiler"))
        {
            throw ErrorTexts.CantParseEntities($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, start)}");
        }

        attributes.TryGetValue("href", out var href);
        attributes.TryGetValue("class", out var language);
        open.Push(new OpenTag(name, textOffset, href, language?.StartsWith("language-", StringComparison.Ordinal) == true
            ? language["language-".Length..] : null, attributes.ContainsKey("expandable")));
        return i + 1;
    }

    private static int ReadAttribute(string html, int i, int tagStart, Dictionary<string, string> attributes)
    {
        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_'))
        {
            i++;
        }

        if (i == nameStart)
        {
            throw ErrorTexts.CantParseEntities($"Empty attribute name in the tag at byte offset {ByteOffset(html, tagStart)}");
        }

        var name = html[nameStart..i];
        if (i < html.Length && html[i] != '=')
        {
            attributes[name] = "";
            return i;
        }

        if (++i >= html.Length)
        {
            throw ErrorTexts.CantParseEntities($"Unclosed start tag at byte offset {ByteOffset(html, tagStart)}");
        }

        var quote = html[i];
        int end;
        if (quote is '"' or '\'')
        {
            end = html.IndexOf(quote, i + 1);
            if (end < 0)
            {
                throw ErrorTexts.CantParseEntities($"Unclosed start tag at byte offset {ByteOffset(html, tagStart)}");
            }

            attributes[name] = Decode(html[(i + 1)..end]);
            return end + 1;
        }

        end = i;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>')
        {
            end++;
        }

        attributes[name] = Decode(html[i..end]);
        return end;
    }

    private static int CloseTag(string html, int start, Stack<OpenTag> open, int textOffset, List<MessageEntity> entities)
    {
        var close = html.IndexOf('>', start);
        if (close < 0)
        {
            throw ErrorTexts.CantParseEntities($"Unclosed end tag at byte offset {ByteOffset(html, start)}");
        }

        var name = html[(start + 2)..close].Trim().ToLowerInvariant();
        if (open.Count == 0)
        {
            throw ErrorTexts.CantParseEntities($"Unexpected end tag at byte offset {ByteOffset(html, start)}");
        }

        var tag = open.Peek();
        if (name != tag.Name)
        {
            throw ErrorTexts.CantParseEntities(
                $"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{tag.Name}>\", found \"</{name}>\"");
        }

        open.Pop();
        var length = textOffset - tag.TextOffset;
        if (length > 0)
        {
            // <pre><code class="language-x"> is one pre entity with a language, as in Telegram.
            var type = HtmlTags.EntityType(tag.Name, tag.Expandable);
            entities.Add(new MessageEntity(type, tag.TextOffset, length, type == "text_link" ? tag.Url : null,
                tag.Name == "code" && open.TryPeek(out var parent) && parent.Name == "pre" ? tag.Language : null));
        }

        return close + 1;
    }

    private static int DecodeEntity(string html, int i, StringBuilder text)
    {
        var end = html.IndexOf(';', i);
        if (end > i + 1 && end - i <= 10 && TryDecode(html[(i + 1)..end], out var decoded))
        {
            text.Append(decoded);
            return end + 1;
        }

        text.Append('&');
        return i + 1;
    }

    private static bool TryDecode(string name, out string decoded)
    {
        decoded = name switch { "lt" => "<", "gt" => ">", "amp" => "&", "quot" => "\"", _ => "" };
        if (decoded.Length > 0 || name.Length < 2 || name[0] != '#')
        {
            return decoded.Length > 0;
        }

        var hex = name[1] is 'x' or 'X';
        var ok = int.TryParse(hex ? name[2..] : name[1..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
            CultureInfo.InvariantCulture, out var code);
        if (!ok || code is <= 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        decoded = char.ConvertFromUtf32(code);
        return true;
    }

    private static string Decode(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '&')
            {
                i = DecodeEntity(value, i, sb) - 1;
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));
}
