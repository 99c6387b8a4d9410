using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;
using Quiz.Testing;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// Issue #15 item 5's second audience in Chromium against PostgreSQL: "Aktiv in den letzten … Tagen" counts only the
/// players seen in those days (without who blocked the bot or is banned), what is sent goes to exactly that count, it can be
/// stopped, and the Protokoll tells each step in German. The whole way to the players' chats is <c>ConsoleAnnouncementTests</c> (app model).
/// </summary>
public sealed class AnnouncementAudienceBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    /// <summary>The seed's three players of today's games and the one added here; the other 1,231 were last seen two days ago.</summary>
    private const int ActiveToday = OverviewSeed.GamesToday + 1;

    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public async Task An_admin_sends_to_the_players_active_on_the_last_day_and_the_count_leaves_out_the_others()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var db = fixture.Database.CreateContext())
        {
            var blocked = TestData.Player(now, "Blockiert");
            blocked.BlockedBotAt = now;
            var banned = TestData.Player(now, "Gesperrt");
            banned.BannedAt = now;
            db.Players.AddRange(TestData.Player(now, "Aktiv"), blocked, banned);
            await db.SaveChangesAsync();
        }
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/nachrichten");

        await page.Locator(".nachricht-text textarea").FillAsync($"Heute Abend <b>Turnier</b>! {marker}");
        await page.ClickAsync(".nachricht-pruefen");
        await Expect(page.Locator(".nachricht-empfaenger")).ToHaveTextAsync($"{(OverviewSeed.Players + 1).ToString("N0", German)} Empfänger");

        await page.Locator(".nachricht-nur-aktive input").ClickAsync(new LocatorClickOptions { Force = true });
        await OidcConsoleFixture.TypeAsync(page.Locator(".nachricht-tage input"), "1");
        await page.ClickAsync(".nachricht-pruefen");
        await Expect(page.Locator(".nachricht-empfaenger")).ToHaveTextAsync($"{ActiveToday} Empfänger");

        await page.ClickAsync(".nachricht-senden");
        var confirm = page.Locator(".mud-dialog");
        await Expect(confirm).ToContainTextAsync(ActiveToday.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Jetzt senden", Exact = true }).ClickAsync();
        var row = page.Locator(".nachrichten-liste tbody tr", new() { HasTextString = marker });
        await Expect(row).ToContainTextAsync("Aktiv am letzten Tag");
        // No worker runs here: nothing is fanned out yet when it is stopped.
        await row.Locator(".aktion-stoppen").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Versand stoppen", Exact = true }).ClickAsync();
        await Expect(row.Locator(".nachricht-status")).ToHaveAttributeAsync("data-status", "Canceled");

        Guid id;
        await using (var check = fixture.Database.CreateContext())
        {
            var sent = await check.Announcements.AsNoTracking().SingleAsync(a => a.Text.Contains(marker));
            Assert.Equal(1, sent.ActiveWithinDays);
            Assert.Equal(ActiveToday, sent.Recipients);
            id = sent.Id;
        }
        // The Protokoll tells the three steps in German, under the admin's name.
        await fixture.OpenAsync(page, $"/protokoll?betrifft={Uri.EscapeDataString(AuditLog.Announcement(id))}");
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync(
            ["0 wartende Nachrichten nicht mehr gesendet", $"Aktiv am letzten Tag; {ActiveToday} Empfänger", "Aktiv am letzten Tag"]);
        await Expect(page.Locator(".protokoll-wer")).ToHaveTextAsync(["Alice Admin", "Alice Admin", "Alice Admin"]);
    }
}
