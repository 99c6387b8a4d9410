using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// Issue #15 item 3's "erneut senden (audited)" in Chromium against PostgreSQL, as far as the console goes (bot and worker
/// are not running here: they show as unreachable): the dead letter with its error, the button, and the Protokoll line in
/// German. The delivery to the player is <c>ConsoleMachineryTests</c> (app model).
/// </summary>
public sealed class MachineryBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task A_dead_letter_shows_its_error_is_sent_again_once_and_the_Protokoll_says_so_in_German()
    {
        var dead = await MachineryConsole.DeadLetterAsync(fixture.Database, "Bad Request: chat not found");
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/betrieb");

        await Expect(page.Locator(".dienst[data-dienst='admin']")).ToContainTextAsync("Konsole: bereit");
        await Expect(page.Locator(".dienst[data-dienst='bot']")).ToContainTextAsync("Bot: nicht erreichbar");
        var letter = page.Locator($".tot-art[data-tot='{dead}'] >> xpath=..");
        await Expect(letter.Locator(".tot-fehler")).ToHaveTextAsync("Bad Request: chat not found");
        await letter.Locator(".tot-senden").ClickAsync();
        await Expect(letter.Locator(".tot-erneut")).ToBeVisibleAsync();
        await Expect(letter.Locator(".tot-senden")).ToHaveCountAsync(0);

        long copy;
        await using (var db = fixture.Database.CreateContext())
        {
            copy = await db.OutboxMessages.Where(m => m.IdempotencyKey == $"requeue:{dead}").Select(m => m.Id).SingleAsync();
        }
        await Expect(letter.Locator(".tot-erneut")).ToHaveTextAsync($"erneut gesendet (Nr. {copy})");
        await fixture.OpenAsync(page, $"/protokoll?betrifft=outbox:{dead}");
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".protokoll-aktion")).ToHaveTextAsync("Unzustellbare Nachricht erneut gesendet");
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync($"erneut gesendet als Nr. {copy}");
        await Expect(page.Locator(".protokoll-wer")).ToHaveTextAsync("Alice Admin");
        await using var check = fixture.Database.CreateContext();
        Assert.Equal(AuditActions.OutboxRequeued, await check.AuditEntries.Where(a => a.Subject == $"outbox:{dead}").Select(a => a.Action).SingleAsync());
    }
}
