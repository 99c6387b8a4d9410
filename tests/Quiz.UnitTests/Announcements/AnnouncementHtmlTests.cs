using Quiz.Core.Announcements;

namespace Quiz.UnitTests.Announcements;

/// <summary>The bot's HTML rules for an announcement: what Telegram's HTML parse mode accepts, within 4096 visible characters.</summary>
public sealed class AnnouncementHtmlTests
{
    [Theory]
    [InlineData("Hallo")]
    [InlineData("<b>fett</b> <strong>fett</strong> <i>k</i> <em>k</em> <u>u</u> <ins>u</ins> <s>s</s> <strike>s</strike> <del>s</del>")]
    [InlineData("<code>x</code> <pre>y</pre> <code class=\"language-csharp\">z</code> <blockquote expandable>Zitat</blockquote>")]
    [InlineData("<tg-spoiler>geheim</tg-spoiler> <span class=\"tg-spoiler\">geheim</span>")]
    [InlineData("<a href=\"https://example.org/?a=1&amp;b=2\">Link</a> <a href='tg://resolve?domain=quiz'>Bot</a>")]
    [InlineData("&lt;3 &gt; &amp; &quot; &#128512; &#x1F600; 2 > 1")]
    [InlineData("<b>fett <i>und kursiv</i></b>")]
    public void Telegram_HTML_is_accepted(string html) => Assert.True(AnnouncementHtml.Check(html).Valid, AnnouncementHtml.Check(html).Detail);

    [Theory]
    [InlineData("", AnnouncementHtmlError.Empty)]
    [InlineData(" \n <b> </b>", AnnouncementHtmlError.Empty)]
    [InlineData("Tom & Jerry", AnnouncementHtmlError.BadEntity)]
    [InlineData("&nbsp;", AnnouncementHtmlError.BadEntity)]
    [InlineData("&#xD800;", AnnouncementHtmlError.BadEntity)]
    [InlineData("1 < 2", AnnouncementHtmlError.UnclosedTag)]
    [InlineData("<b>offen", AnnouncementHtmlError.UnclosedTag)]
    [InlineData("<b><i>x</b></i>", AnnouncementHtmlError.UnexpectedEndTag)]
    [InlineData("x</b>", AnnouncementHtmlError.UnexpectedEndTag)]
    [InlineData("<script>alert(1)</script>", AnnouncementHtmlError.UnsupportedTag)]
    [InlineData("<img src=x onerror=alert(1)>", AnnouncementHtmlError.UnsupportedTag)]
    [InlineData("<tg-emoji emoji-id=\"1\">👍</tg-emoji>", AnnouncementHtmlError.UnsupportedTag)]
    [InlineData("<b onclick=\"x\">x</b>", AnnouncementHtmlError.BadAttribute)]
    [InlineData("<span>x</span>", AnnouncementHtmlError.BadAttribute)]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", AnnouncementHtmlError.BadLink)]
    [InlineData("<a href=\"/relativ\">x</a>", AnnouncementHtmlError.BadLink)]
    [InlineData("<a>x</a>", AnnouncementHtmlError.BadLink)]
    public void What_Telegram_would_refuse_is_named(string html, AnnouncementHtmlError error) => Assert.Equal(error, AnnouncementHtml.Check(html).Error);

    [Fact]
    public void The_visible_length_counts_an_entity_as_one_character_and_ignores_tags_up_to_Telegrams_4096()
    {
        var longest = "<b>" + new string('a', 4094) + "&amp;</b>";
        var check = AnnouncementHtml.Check(longest);
        Assert.Equal((true, 4095), (check.Valid, check.Visible));
        Assert.True(AnnouncementHtml.Check(longest + "b").Valid);
        Assert.Equal(AnnouncementHtmlError.TooLong, AnnouncementHtml.Check(longest + "bc").Error);
        Assert.Equal(AnnouncementHtmlError.TooLong, AnnouncementHtml.Check(new string('a', Announcement.MaxSourceLength + 1)).Error);
    }

    [Fact]
    public void The_pieces_carry_the_decoded_text_and_one_name_per_formatting()
    {
        var check = AnnouncementHtml.Check("<strong>A &lt; B</strong><a href=\"https://x.de/?a&amp;b\">L</a>");
        Assert.Equal(
            [new(null, Open: "b"), new("A < B"), new(null, Close: "b"), new(null, Open: "a", Href: "https://x.de/?a&b"), new("L"), new(null, Close: "a")],
            check.Pieces);
    }
}
