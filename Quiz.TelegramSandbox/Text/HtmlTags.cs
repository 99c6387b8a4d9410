namespace Quiz.TelegramSandbox.Text;

/// <summary>The HTML tags Telegram supports and the entity each one produces.</summary>
public static class HtmlTags
{
    public static bool IsSupported(string name) => name is "b" or "strong" or "i" or "em" or "u" or "ins" or "s" or "strike"
        or "del" or "span" or "tg-spoiler" or "a" or "code" or "pre" or "blockquote" or "tg-emoji";

    public static string EntityType(string name, bool expandable) => name switch
    {
        "b" or "strong" => "bold",
        "i" or "em" => "italic",
        "u" or "ins" => "underline",
        "s" or "strike" or "del" => "strikethrough",
        "span" or "tg-spoiler" => "spoiler",
        "a" => "text_link",
        "code" => "code",
        "pre" => "pre",
        "blockquote" => expandable ? "expandable_blockquote" : "blockquote",
        _ => "custom_emoji",
    };
}
