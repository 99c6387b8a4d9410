using System.Net;
using System.Text;
using Quiz.Core.Announcements;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// The console's preview of an announcement as a player sees it in Telegram: built from the pieces of the checked text
/// (<see cref="AnnouncementHtml"/>), never from the operator's raw input — every text is encoded and only the tags
/// Telegram knows are written, a link with its address encoded and opened apart from the console — so nothing typed
/// into the text can run in the console.
/// </summary>
public static class AnnouncementPreview
{
    public static string Html(AnnouncementHtmlCheck check)
    {
        var html = new StringBuilder();
        foreach (var piece in check.Pieces)
        {
            if (piece.Text is { } text) html.Append(WebUtility.HtmlEncode(text));
            else if (piece.Open is { } open) html.Append(Open(open, piece.Href));
            else if (piece.Close is { } close) html.Append(close == "tg-spoiler" ? "</span>" : $"</{close}>");
        }
        return html.ToString();
    }

    private static string Open(string tag, string? href) => tag switch
    {
        "tg-spoiler" => "<span class=\"tg-spoiler\">",
        "a" => $"<a href=\"{WebUtility.HtmlEncode(href)}\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">",
        "b" or "i" or "u" or "s" or "code" or "pre" or "blockquote" => $"<{tag}>",
        _ => "",
    };
}
