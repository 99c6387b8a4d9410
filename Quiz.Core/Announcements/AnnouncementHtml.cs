using System.Globalization;
using System.Text;

namespace Quiz.Core.Announcements;

/// <summary>Why a text is not valid Telegram HTML for an announcement (the console says it in German).</summary>
public enum AnnouncementHtmlError
{
    Empty,
    TooLong,
    UnsupportedTag,
    UnclosedTag,
    UnexpectedEndTag,
    BadEntity,
    BadAttribute,
    BadLink,
}

/// <summary>A piece of a checked text: plain text (decoded) or a supported tag opening or closing (normalised name, link).</summary>
public sealed record AnnouncementPiece(string? Text, string? Open = null, string? Close = null, string? Href = null);

/// <summary>The outcome of <see cref="AnnouncementHtml.Check"/>: the error (with the tag or entity concerned) or the pieces and visible length.</summary>
public sealed record AnnouncementHtmlCheck(AnnouncementHtmlError? Error, string? Detail, int Visible, IReadOnlyList<AnnouncementPiece> Pieces)
{
    public bool Valid => Error is null;
}

/// <summary>
/// The bot's HTML rules for a text an operator writes: what Telegram's HTML parse mode accepts (Bot API "HTML style"),
/// checked before anything is sent, so no player gets a refused (400) or cut message. Tags: b/strong, i/em, u/ins,
/// s/strike/del, code, pre, blockquote (optionally expandable), tg-spoiler and span class="tg-spoiler", a with an
/// http(s) or tg link; entities: &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones — every other &lt; or &amp; must be
/// written as an entity. The visible length counts as <c>TelegramLimits</c> in the bot does (tags not counted, an
/// entity as one character) and must be within Telegram's 4096.
/// </summary>
public static class AnnouncementHtml
{
    public const int MaxVisible = 4096;

    public static AnnouncementHtmlCheck Check(string? html)
    {
        html ??= "";
        if (html.Length > Announcement.MaxSourceLength) return Fail(AnnouncementHtmlError.TooLong, null);
        var pieces = new List<AnnouncementPiece>();
        var open = new Stack<string>();
        var text = new StringBuilder();
        var visible = 0;
        var printable = false;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return Fail(AnnouncementHtmlError.UnclosedTag, html[i..Math.Min(html.Length, i + 20)]);
                Flush(text, pieces);
                var error = Tag(html[(i + 1)..end], open, pieces);
                if (error is not null) return error;
                i = end + 1;
                continue;
            }
            if (c == '&')
            {
                var semi = html.IndexOf(';', i);
                if (semi < 0 || semi - i > 10 || Entity(html[(i + 1)..semi]) is not { } decoded)
                {
                    return Fail(AnnouncementHtmlError.BadEntity, html[i..Math.Min(html.Length, semi < 0 || semi - i > 10 ? i + 10 : semi + 1)]);
                }
                text.Append(decoded);
                visible += decoded.Length;
                printable |= !string.IsNullOrWhiteSpace(decoded);
                i = semi + 1;
                continue;
            }
            text.Append(c);
            visible++;
            printable |= !char.IsWhiteSpace(c);
            i++;
        }
        if (open.Count > 0) return Fail(AnnouncementHtmlError.UnclosedTag, $"<{open.Peek()}>");
        Flush(text, pieces);
        if (!printable) return Fail(AnnouncementHtmlError.Empty, null);
        if (visible > MaxVisible) return new(AnnouncementHtmlError.TooLong, visible.ToString(CultureInfo.InvariantCulture), visible, []);
        return new(null, null, visible, pieces);
    }

    private static AnnouncementHtmlCheck Fail(AnnouncementHtmlError error, string? detail) => new(error, detail, 0, []);

    private static void Flush(StringBuilder text, List<AnnouncementPiece> pieces)
    {
        if (text.Length == 0) return;
        pieces.Add(new(text.ToString()));
        text.Clear();
    }

    private static AnnouncementHtmlCheck? Tag(string inner, Stack<string> open, List<AnnouncementPiece> pieces)
    {
        if (inner.StartsWith('/'))
        {
            var closing = Normalise(inner[1..].Trim().ToLowerInvariant());
            if (open.Count == 0 || open.Peek() != closing) return Fail(AnnouncementHtmlError.UnexpectedEndTag, $"<{inner}>");
            open.Pop();
            pieces.Add(new(null, Close: closing));
            return null;
        }
        var stop = inner.IndexOfAny([' ', '\t', '\n', '\r']);
        var name = (stop < 0 ? inner : inner[..stop]).ToLowerInvariant();
        var attributes = Attributes(stop < 0 ? "" : inner[stop..]);
        if (attributes is null) return Fail(AnnouncementHtmlError.BadAttribute, $"<{inner}>");
        string? href = null;
        switch (name)
        {
            case "b" or "strong" or "i" or "em" or "u" or "ins" or "s" or "strike" or "del" or "pre" or "tg-spoiler":
                if (attributes.Count > 0) return Fail(AnnouncementHtmlError.BadAttribute, $"<{inner}>");
                break;
            case "code":
                if (attributes.Any(a => a.Key != "class" || !a.Value.StartsWith("language-", StringComparison.Ordinal))) return Fail(AnnouncementHtmlError.BadAttribute, $"<{inner}>");
                break;
            case "blockquote":
                if (attributes.Any(a => a.Key != "expandable")) return Fail(AnnouncementHtmlError.BadAttribute, $"<{inner}>");
                break;
            case "span":
                if (attributes.Count != 1 || !attributes.TryGetValue("class", out var css) || css != "tg-spoiler") return Fail(AnnouncementHtmlError.BadAttribute, $"<{inner}>");
                break;
            case "a":
                if (attributes.Count != 1 || !attributes.TryGetValue("href", out href) || !IsLink(href)) return Fail(AnnouncementHtmlError.BadLink, $"<{inner}>");
                break;
            default:
                return Fail(AnnouncementHtmlError.UnsupportedTag, $"<{name}>");
        }
        var normalised = Normalise(name);
        open.Push(normalised);
        pieces.Add(new(null, Open: normalised, Href: href));
        return null;
    }

    /// <summary>One name per entity: the synonyms Telegram accepts for the same formatting.</summary>
    private static string Normalise(string name) => name switch
    {
        "strong" => "b",
        "em" => "i",
        "ins" => "u",
        "strike" or "del" => "s",
        "span" => "tg-spoiler",
        _ => name,
    };

    private static bool IsLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" && !href.Any(char.IsWhiteSpace);

    /// <summary>name="value", name='value', name=value or a bare name; null when malformed or a name repeats.</summary>
    private static Dictionary<string, string>? Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) return result;
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_')) i++;
            if (i == start) return null;
            var name = text[start..i].ToLowerInvariant();
            var value = "";
            if (i < text.Length && text[i] == '=')
            {
                i++;
                if (i < text.Length && text[i] is '"' or '\'')
                {
                    var quote = text[i];
                    var close = text.IndexOf(quote, i + 1);
                    if (close < 0) return null;
                    value = text[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                    value = text[valueStart..i];
                }
                if (value.Contains('<', StringComparison.Ordinal) || DecodeValue(value) is not { } decoded) return null;
                value = decoded;
            }
            if (!result.TryAdd(name, value)) return null;
        }
    }

    /// <summary>An attribute value with its entities decoded (a link's <c>&amp;amp;</c>); null when one is unknown.</summary>
    private static string? DecodeValue(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '&')
            {
                result.Append(value[i]);
                continue;
            }
            var semi = value.IndexOf(';', i);
            if (semi < 0 || Entity(value[(i + 1)..semi]) is not { } decoded) return null;
            result.Append(decoded);
            i = semi;
        }
        return result.ToString();
    }

    /// <summary>The text of an entity between &amp; and ;, or null when Telegram does not know it.</summary>
    private static string? Entity(string name)
    {
        switch (name)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
        }
        if (!name.StartsWith('#') || name.Length < 2) return null;
        var hex = name[1] is 'x' or 'X';
        var digits = hex ? name[2..] : name[1..];
        if (digits.Length == 0 || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return null;
        if (code is <= 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) return null;
        return char.ConvertFromUtf32(code);
    }
}
