using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Texts;
using Quiz.Core.Announcements;
using Quiz.Core.Audit;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Nachricht an Spieler": the text checked with the bot's HTML rules, its preview, the audience's count, sending after a confirmation.</summary>
public sealed class AnnouncementPageTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Ada Admin";

    private static void Type(IRenderedComponent<AnnouncementPage> cut, string value) =>
        cut.InvokeAsync(() => cut.Find(".nachricht-text textarea").Input(value)).GetAwaiter().GetResult();

    [Fact]
    public async Task The_preview_shows_the_formatting_as_the_player_sees_it_and_the_count_is_the_audience()
    {
        await using (var db = Database.CreateContext())
        {
            db.Players.Add(TestData.Player(DateTimeOffset.UtcNow, "Nora"));
            await db.SaveChangesAsync();
        }
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<AnnouncementPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".nachrichten-leer, .nachrichten-liste")), Patience);

        Type(cut, "<b>Neu:</b> das <a href=\"https://example.org/t?a=1&amp;b=2\">Turnier</a> &lt;3\n<tg-spoiler>Preis</tg-spoiler>");

        var preview = cut.Find(".nachricht-vorschau");
        Assert.NotNull(preview.QuerySelector("b"));
        Assert.Equal("https://example.org/t?a=1&b=2", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", preview.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Equal("Preis", preview.QuerySelector("span.tg-spoiler")!.TextContent);
        Assert.Contains("Neu: das Turnier <3", preview.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".nachricht-fehler"));
        Assert.False(cut.Find(".nachricht-senden").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find(".nachricht-pruefen").Click());
        var expected = await Core.Get<AnnouncementAdministration>().CountAsync(null);
        cut.WaitForAssertion(() => Assert.Equal(AdminTexts.Announcements.Recipients(expected), cut.Find(".nachricht-empfaenger").TextContent.Trim()), Patience);
    }

    [Theory]
    [InlineData("Tom & Jerry", AnnouncementHtmlError.BadEntity)]
    [InlineData("<script>alert(1)</script>", AnnouncementHtmlError.UnsupportedTag)]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", AnnouncementHtmlError.BadLink)]
    [InlineData("<b>offen", AnnouncementHtmlError.UnclosedTag)]
    [InlineData("   ", AnnouncementHtmlError.Empty)]
    public async Task A_text_Telegram_would_refuse_is_explained_in_German_and_cannot_be_sent(string text, AnnouncementHtmlError error)
    {
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<AnnouncementPage>();

        Type(cut, text);

        Assert.Equal(AdminTexts.Announcements.Error(AnnouncementHtml.Check(text)), cut.Find(".nachricht-fehler").TextContent.Trim());
        Assert.Equal(error, AnnouncementHtml.Check(text).Error);
        Assert.True(cut.Find(".nachricht-senden").HasAttribute("disabled"));
        Assert.NotNull(cut.Find(".nachricht-keine-vorschau"));
        Assert.Empty(cut.Find(".nachricht-vorschau").QuerySelectorAll("script, b, a"));
    }

    [Fact]
    public async Task Senden_asks_with_the_count_first_and_sends_in_the_admins_name()
    {
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<AnnouncementPage>();
        var text = $"📣 Wartung heute Nacht {Guid.NewGuid():N}";
        Type(cut, text);
        await cut.InvokeAsync(() => cut.Find(".nachricht-nur-aktive input").Change(true));

        await cut.InvokeAsync(() => cut.Find(".nachricht-senden").Click());
        var count = await Core.Get<AnnouncementAdministration>().CountAsync(30);
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Announcements.ConfirmQuestion(count), dialogs.Markup), Patience);
        await using (var db = Database.CreateContext()) Assert.False(await db.Announcements.AnyAsync(a => a.Text == text));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == AdminTexts.Announcements.ConfirmYes).Click());

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".nachricht-status"), td => td.GetAttribute("data-status") is "Sending" or "Sent"), Patience);
        await using var check = Database.CreateContext();
        var stored = await check.Announcements.AsNoTracking().SingleAsync(a => a.Text == text);
        Assert.Equal((30, AdminName, AdminName, count), (stored.ActiveWithinDays, stored.CreatedBy, stored.SentBy, stored.Recipients));
        var audit = await AuditLog.ForSubjectAsync(check, AuditLog.Announcement(stored.Id));
        Assert.Equal([AuditActions.AnnouncementCreated, AuditActions.AnnouncementSent], audit.Select(e => e.Action));
    }

    [Fact]
    public void Only_admins_reach_the_page_and_its_menu_entry()
    {
        Assert.Contains(typeof(AnnouncementPage).GetCustomAttributes<AuthorizeAttribute>(), a => a.Roles == AdminRoles.Admin);
        Assert.Contains(NavItems.All, item => item is { Href: "/nachrichten", Title: "Nachricht an Spieler", Roles: AdminRoles.Admin });
    }
}
