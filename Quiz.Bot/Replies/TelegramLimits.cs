using System.Text;

namespace Quiz.Bot.Replies;

/// <summary>
/// Telegram's hard limits on what the bot sends (Bot API: message text 1–4096 characters after entity parsing,
/// callback answer 0–200 characters, callback data 1–64 bytes). Every send, edit and callback answer passes
/// through here, so no reply can be refused with a 400 for its length: an over-long text is cut at a safe HTML
/// boundary (never inside a tag or an entity), ends with "…" and keeps its open tags closed.
/// </summary>
public static class TelegramLimits
{
    public const int MessageText = 4096;
    public const int CallbackAnswer = 200;
    public const int CallbackDataBytes = 64;
    private const char Ellipsis = '…';

    /// <summary>The HTML text, shortened if its visible text (tags not counted, an entity as one) is over the limit.</summary>
    public static string Html(string html, int limit = MessageText)
    {
        if (html.Length <= limit || Visible(html) <= limit) return html;
        var result = new StringBuilder(limit + 64);
        var open = new Stack<string>();
        var visible = 0;
        var i = 0;
        while (i < html.Length && visible < limit - 1)
        {
            if (html[i] == '<' && html.IndexOf('>', i) is var end and > 0)
            {
                var tag = html[i..(end + 1)];
                TrackTag(tag, open);
                result.Append(tag);
                i = end + 1;
                continue;
            }
            var length = html[i] == '&' && html.IndexOf(';', i) is var semi and > 0 && semi - i <= 10 ? semi - i + 1 : 1;
            // A surrogate pair is one character for a person and must not be split; Telegram counts it as two.
            var pair = length == 1 && char.IsHighSurrogate(html[i]) && i + 1 < html.Length;
            if (pair) length = 2;
            var counted = pair ? 2 : 1;
            if (visible + counted > limit - 1) break;
            result.Append(html, i, length);
            visible += counted;
            i += length;
        }
        result.Append(Ellipsis);
        while (open.Count > 0) result.Append("</").Append(open.Pop()).Append('>');
        return result.ToString();
    }

    /// <summary>A callback answer (plain text) within 200 characters.</summary>
    public static string? CallbackText(string? text) =>
        text is null || text.Length <= CallbackAnswer ? text : string.Concat(text.AsSpan(0, CallbackAnswer - 1), Ellipsis.ToString());

    /// <summary>Button data is made by our code only; one over 64 bytes is a bug, found here before Telegram refuses it.</summary>
    public static string CallbackData(string data) =>
        Encoding.UTF8.GetByteCount(data) is > 0 and <= CallbackDataBytes
            ? data
            : throw new ArgumentException($"Button data must be 1–{CallbackDataBytes} bytes: '{data}'.", nameof(data));

    private static int Visible(string html)
    {
        var count = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] == '<' && html.IndexOf('>', i) is var end and > 0) i = end;
            else if (html[i] == '&' && html.IndexOf(';', i) is var semi and > 0 && semi - i <= 10) { count++; i = semi; }
            else count++;
        }
        return count;
    }

    private static void TrackTag(string tag, Stack<string> open)
    {
        var closing = tag.StartsWith("</", StringComparison.Ordinal);
        var start = closing ? 2 : 1;
        var stop = tag.IndexOfAny([' ', '\t', '\n', '/', '>'], start);
        var name = tag[start..(stop < 0 ? tag.Length : stop)];
        if (name.Length == 0 || tag.EndsWith("/>", StringComparison.Ordinal)) return;
        if (!closing) open.Push(name);
        else if (open.Count > 0 && open.Peek() == name) open.Pop();
    }
}
