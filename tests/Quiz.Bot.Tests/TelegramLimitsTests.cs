using System.Net;
using System.Text.RegularExpressions;
using Quiz.Bot.Replies;
using Quiz.Bot.Texts;

namespace Quiz.Bot.Tests;

/// <summary>No reply is refused by Telegram for its length (docs/security.md, "small holes").</summary>
public sealed partial class TelegramLimitsTests
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>What Telegram counts: the text after its HTML entities were parsed.</summary>
    private static string VisibleText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [Fact]
    public void A_text_within_the_limit_is_sent_as_it_is()
    {
        var text = "<b>Frage 1</b>\n" + new string('x', 4000) + " &amp; mehr";

        Assert.Same(text, TelegramLimits.Html(text));
    }

    [Theory]
    [InlineData("<b>", "</b>")]
    [InlineData("<i><code>", "</code></i>")]
    [InlineData("<a href=\"https://t.me/quiz\">", "</a>")]
    public void An_over_long_text_is_cut_within_the_limit_with_its_tags_closed(string open, string close)
    {
        var text = open + string.Concat(Enumerable.Repeat("Wort &amp; Wort ", 600)) + close + " Ende";

        var cut = TelegramLimits.Html(text);

        Assert.InRange(VisibleText(cut).Length, 4000, TelegramLimits.MessageText);
        Assert.EndsWith("…" + close, cut, StringComparison.Ordinal);
        Assert.DoesNotMatch("&[a-z]*…", cut); // never inside an entity
    }

    [Fact]
    public void An_emoji_is_never_split()
    {
        var text = new string('a', 4094) + "🏆🏆🏆";

        var cut = TelegramLimits.Html(text);

        Assert.True(VisibleText(cut).Length <= TelegramLimits.MessageText);
        Assert.False(char.IsHighSurrogate(cut[^2]), "a lone high surrogate before the ellipsis");
    }

    [Fact]
    public void A_callback_answer_stays_within_200_characters_and_button_data_within_64_bytes()
    {
        Assert.Equal(TelegramLimits.CallbackAnswer, TelegramLimits.CallbackText(new string('x', 500))!.Length);
        Assert.Equal("kurz", TelegramLimits.CallbackText("kurz"));
        Assert.Throws<ArgumentException>(() => TelegramLimits.CallbackData(new string('ä', 33)));
        Assert.Equal("game:quick", TelegramLimits.CallbackData("game:quick"));
    }

    [Fact]
    public void An_unknown_command_of_any_length_is_echoed_short()
    {
        var reply = De.UnknownCommand("/" + new string('x', 5000));

        Assert.True(VisibleText(reply).Length < 200, reply);
        Assert.Contains("…", reply, StringComparison.Ordinal);
    }
}
