using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Announcements;
using Quiz.Core.Audit;

namespace Quiz.EndToEndTests;

/// <summary>
/// Issue #15 item 5 end to end: an admin writes a "Nachricht an Spieler" in Telegram HTML, sees the check and the preview,
/// the audience's size, sends it; the players' chats get it (bold as written), the player who blocked the bot does not,
/// and the list shows the progress to "Gesendet". A second one is stopped while it is still queued behind many others:
/// the player at the end of the queue never gets it and its rows finish as skipped.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleAnnouncementTests(AppModelFixture fixture)
{
    /// <summary>Players without a sandbox chat ahead of the last one: the bulk lane's budget takes minutes for them.</summary>
    private const int QueuedAhead = 3_000;

    /// <summary>Telegram user ids of those players, far from the sandbox's own.</summary>
    private const long AheadIds = 9_100_000_000;

    [Fact]
    public async Task An_admin_sends_a_message_to_all_players_who_get_it_except_who_blocked_the_bot_and_stops_the_next_one()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var anna = await StartedAsync("Anna");
        var ben = await StartedAsync("Ben");
        await fixture.Sandbox().BlockAsync(ben.User);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = fixture.Database();
            return await db.Players.AnyAsync(p => p.TelegramUserId == ben.User.UserId && p.BlockedBotAt != null);
        });

        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/nachrichten");
        var page = console.Page;
        var text = page.Locator(".nachricht-text textarea");
        await text.FillAsync("<b>Neue Fragen");
        await Assertions.Expect(page.Locator(".nachricht-fehler")).ToContainTextAsync("wird nicht geschlossen");
        await Assertions.Expect(page.Locator(".nachricht-senden")).ToBeDisabledAsync();
        await text.FillAsync($"<b>Neue Fragen</b> sind da – viel Spaß! {marker}");
        await Assertions.Expect(page.Locator(".nachricht-vorschau b")).ToHaveTextAsync("Neue Fragen");

        await page.ClickAsync(".nachricht-pruefen");
        await Assertions.Expect(page.Locator(".nachricht-empfaenger")).ToHaveTextAsync($"{await AudienceAsync()} Empfänger");
        var id = await SendAsync(page, marker);

        var received = await anna.MessageAsync(marker, TimeSpan.FromSeconds(90));
        Assert.Equal($"Neue Fragen sind da – viel Spaß! {marker}", received.Text);
        Assert.Contains(received.Entities!, e => (string?)e!["type"] == "bold" && (int?)e["length"] == "Neue Fragen".Length);

        var row = Row(page, id);
        await Assertions.Expect(row.Locator(".nachricht-status")).ToHaveAttributeAsync("data-status", nameof(AnnouncementState.Sent), new() { Timeout = 90_000 });
        var sent = await FinishedAsync(id);
        Assert.Equal((sent.Recipients, 0), (sent.SentCount + sent.FailedCount, sent.SkippedCount));
        await Assertions.Expect(row.Locator(".nachricht-fortschritt")).ToContainTextAsync($"{German(sent.SentCount)} gesendet");
        Assert.DoesNotContain(await fixture.Sandbox().ChatAsync(ben.User), m => m.Text?.Contains(marker, StringComparison.Ordinal) == true);

        await using (var seed = fixture.Database())
        {
            await seed.Database.ExecuteSqlRawAsync(
                "INSERT INTO players (telegram_user_id, first_name, language_code, created_at, last_seen_at) SELECT {0} + g, 'Vorne ' || g, 'de', now(), now() FROM generate_series(1, {1}) g",
                AheadIds, QueuedAhead);
        }
        try
        {
            var carl = await StartedAsync("Carl");
            var second = Guid.NewGuid().ToString("N")[..8];
            await text.FillAsync($"Heute Abend Turnier! {second}");
            var stopped = await SendAsync(page, second);
            var stoppedRow = Row(page, stopped);
            var recipients = German((await ReadAsync(stopped, _ => true)).Recipients);
            await Assertions.Expect(stoppedRow.Locator(".nachricht-fortschritt")).ToContainTextAsync($"{recipients} von {recipients} eingereiht", new() { Timeout = 60_000 });
            await stoppedRow.Locator(".aktion-stoppen").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Versand stoppen", Exact = true }).ClickAsync();
            await Assertions.Expect(stoppedRow.Locator(".nachricht-status")).ToHaveAttributeAsync("data-status", nameof(AnnouncementState.Canceled));

            var canceled = await FinishedAsync(stopped);
            Assert.True(canceled.SkippedCount > 0, $"nothing was skipped: {canceled.SentCount} sent, {canceled.FailedCount} failed");
            await Assertions.Expect(stoppedRow.Locator(".nachricht-fortschritt")).ToContainTextAsync($"{German(canceled.SkippedCount)} übersprungen");
            Assert.DoesNotContain(await fixture.Sandbox().ChatAsync(carl.User), m => m.Text?.Contains(second, StringComparison.Ordinal) == true);

            await using var db = fixture.Database();
            var audit = await db.AuditEntries.Where(e => e.Subject == AuditLog.Announcement(stopped)).Select(e => new { e.Action, e.Actor }).ToListAsync();
            Assert.Equal(new[] { AuditActions.AnnouncementCreated, AuditActions.AnnouncementSent, AuditActions.AnnouncementCanceled }.Order(), audit.Select(a => a.Action).Order());
            Assert.All(audit, a => Assert.Equal("Lokaler Operator", a.Actor));
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.Database.ExecuteSqlRawAsync("DELETE FROM players WHERE telegram_user_id > {0}", AheadIds);
        }
    }

    private async Task<ChatPlayer> StartedAsync(string name)
    {
        var player = await ChatPlayer.CreateAsync(fixture, name);
        await player.SayAsync("/start");
        await player.MessageAsync("willkommen bei Quiz");
        return player;
    }

    /// <summary>Players not deleted, banned or blocking the bot: who an announcement to everyone reaches.</summary>
    private async Task<int> AudienceAsync()
    {
        await using var db = fixture.Database();
        return await db.Players.CountAsync(p => p.DeletedAt == null && p.BannedAt == null && p.BlockedBotAt == null);
    }

    /// <summary>"Senden …", confirmed; returns the announcement written with <paramref name="marker"/> once the list shows it.</summary>
    private async Task<Guid> SendAsync(IPage page, string marker)
    {
        await page.ClickAsync(".nachricht-senden");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Jetzt senden", Exact = true }).ClickAsync();
        await using var db = fixture.Database();
        Guid? id = null;
        await Eventually.HoldsAsync(async () =>
            (id = await db.Announcements.Where(a => a.Text.Contains(marker) && a.State != AnnouncementState.Draft).Select(a => (Guid?)a.Id).SingleOrDefaultAsync()) is not null);
        await Assertions.Expect(Row(page, id!.Value)).ToBeVisibleAsync();
        return id.Value;
    }

    private static ILocator Row(IPage page, Guid id) =>
        page.Locator(".nachrichten-liste tbody tr").Filter(new() { Has = page.Locator($"[data-nachricht='{id}']") });

    private static string German(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));

    /// <summary>Waits for the worker to give the announcement its final counts.</summary>
    private Task<Announcement> FinishedAsync(Guid id) => ReadAsync(id, a => a.FinishedAt is not null);

    private async Task<Announcement> ReadAsync(Guid id, Func<Announcement, bool> done)
    {
        Announcement? read = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = fixture.Database();
            read = await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id);
            return done(read);
        });
        return read!;
    }
}
