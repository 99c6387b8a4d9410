using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;
using Quiz.Core.Operations.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>The main tasks of the Übersicht's charts and the Protokoll, in a real browser against PostgreSQL.</summary>
public sealed class ConsoleMainTaskTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task Uebersicht_shows_the_charts_of_the_last_30_days_and_the_open_work_tiles()
    {
        await using (var core = fixture.Database.Core(TimeProvider.System))
        {
            await core.Get<DailyRollup>().RunAsync();
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");

        await Expect(page.Locator(".uebersicht-diagramme [data-diagramm]")).ToHaveCountAsync(8);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spiele pro Modus", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-diagramm='spiele'] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-diagramm='antworten'] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-kennzahl='meldungen'] .kennzahl-link")).ToHaveAttributeAsync("href", "/meldungen");
        await Expect(page.Locator("[data-kennzahl='support'] .kennzahl-link")).ToHaveAttributeAsync("href", "/support");
    }

    [Fact]
    public async Task Protokoll_filters_by_typed_object_and_downloads_exactly_that_as_a_formula_safe_csv()
    {
        var subject = await SeedTwoEntriesAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");

        await fixture.OpenAsync(page, "/protokoll");
        // Enter in a text field filters at once (the field has no change event yet: it still has the focus) …
        await page.Locator(".filter-betrifft input").FillAsync(subject);
        await page.Locator(".filter-betrifft input").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(Address($"/protokoll?betrifft={Uri.EscapeDataString(subject)}"));
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(2);

        // … and so does the button.
        await page.Locator(".filter-wer input").FillAsync("Alice Admin");
        await page.Locator("button.protokoll-filtern").ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/protokoll?wer=Alice%20Admin&betrifft={Uri.EscapeDataString(subject)}"));
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".protokoll-aktion").First).ToHaveTextAsync("Sperre aufgehoben");
        await Expect(page.Locator("a.protokoll-export")).ToHaveAttributeAsync("href", $"/protokoll/export.csv?wer=Alice%20Admin&betrifft={Uri.EscapeDataString(subject)}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.protokoll-export").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("Zeit;Wer;Was;Aktion (Code);Betrifft;Details", lines[0]);
        Assert.EndsWith($";Alice Admin;Sperre aufgehoben;player.unbanned;{subject};\"Irrtum; entsperrt\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($";{subject};\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klick\"\")\"", lines[2], StringComparison.Ordinal);

        // The download itself is on record, under the admin's name and with the filter.
        await fixture.OpenAsync(page, $"/protokoll?aktion={AuditActions.AuditExported}&wer=Alice");
        await Expect(page.Locator(".protokoll-details", new() { HasTextString = subject }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".protokoll-aktion").First).ToHaveTextAsync("Protokoll als CSV heruntergeladen");
    }

    [Fact]
    public async Task Protokoll_filters_by_an_action_chosen_from_the_list_and_by_Berlin_days_typed_into_Von_and_Bis()
    {
        var subject = $"e2e:{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await using (var db = fixture.Database.CreateContext())
        {
            AuditLog.Record(db, "Alice Admin", AuditActions.PlayerBanned, subject, "vor drei Tagen", now.AddDays(-3));
            AuditLog.Record(db, "Alice Admin", AuditActions.PlayerBanned, subject, "eben gesperrt", now.AddMinutes(-2));
            AuditLog.Record(db, "Alice Admin", AuditActions.PlayerUnbanned, subject, "eben entsperrt", now.AddMinutes(-1));
            await db.SaveChangesAsync();
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, $"/protokoll?betrifft={Uri.EscapeDataString(subject)}");
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(3);

        await OidcConsoleFixture.ChooseAsync(page.Locator(".filter-aktion"), "Spieler gesperrt");
        await page.Locator("button.protokoll-filtern").ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/protokoll?aktion={AuditActions.PlayerBanned}&betrifft={Uri.EscapeDataString(subject)}"));
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(2);

        var today = Core.Common.BerlinDay.Containing(now).Day;
        await TypeDayAsync(page, ".filter-von", today.AddDays(-4));
        await TypeDayAsync(page, ".filter-bis", today.AddDays(-2));
        await page.Locator("button.protokoll-filtern").ClickAsync();
        await Expect(page).ToHaveURLAsync(Address(
            $"/protokoll?aktion={AuditActions.PlayerBanned}&betrifft={Uri.EscapeDataString(subject)}&von={today.AddDays(-4):yyyy-MM-dd}&bis={today.AddDays(-2):yyyy-MM-dd}"));
        await Expect(page.Locator(".protokoll-tabelle tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync("vor drei Tagen");
        await Expect(page.Locator("a.protokoll-export")).ToHaveAttributeAsync("href", new Regex($"von={today.AddDays(-4):yyyy-MM-dd}&bis={today.AddDays(-2):yyyy-MM-dd}$"));
    }

    /// <summary>Types a day into an editable date field as an operator does (German format); the field takes it on leaving.</summary>
    private static Task TypeDayAsync(IPage page, string field, DateOnly day) =>
        OidcConsoleFixture.TypeAsync(page.Locator($"{field} input"), day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Only_an_admin_may_export_the_protokoll_not_a_moderator_a_user_without_role_or_anyone_signed_out()
    {
        var subject = await SeedTwoEntriesAsync();
        var export = fixture.Url($"/protokoll/export.csv?betrifft={subject}");

        await using var signedOut = await fixture.NewContextAsync();
        var anonymous = await signedOut.APIRequest.GetAsync(export, new() { MaxRedirects = 0 });
        Assert.Equal(401, anonymous.Status);
        Assert.DoesNotContain(subject, await anonymous.TextAsync(), StringComparison.Ordinal);

        foreach (var person in (string[])["Mia Moderatorin", "Bob Ohnerolle"])
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(fixture.ConsoleUri.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = person }).ClickAsync();
            await Expect(page.Locator("h1")).ToBeVisibleAsync();

            // Sent on to the German refusal (as for a page), never a line of the log.
            var refused = await context.APIRequest.GetAsync(export);
            var body = await refused.TextAsync();
            Assert.True((refused.Status, new Uri(refused.Url).AbsolutePath) == (403, "/kein-zugriff"), $"{person}: {refused.Status} {refused.Url}");
            Assert.Contains("Kein Zugriff", body, StringComparison.Ordinal);
            Assert.DoesNotContain(subject, body, StringComparison.Ordinal);
        }

        await using var admin = await fixture.NewContextAsync();
        await fixture.SignInAsync(admin, "Alice Admin");
        var allowed = await admin.APIRequest.GetAsync(export, new() { MaxRedirects = 0 });
        Assert.Equal(200, allowed.Status);
        Assert.Contains(subject, await allowed.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Exactly this path and query (a plain string would be read as a pattern).</summary>
    private static Regex Address(string pathAndQuery) => new($"^https?://[^/]+{Regex.Escape(pathAndQuery)}$");

    private async Task<string> SeedTwoEntriesAsync()
    {
        var subject = $"e2e:{Guid.NewGuid():N}";
        await using var db = fixture.Database.CreateContext();
        AuditLog.Record(db, "Alice Admin", AuditActions.PlayerBanned, subject, "=HYPERLINK(\"http://evil.example\";\"klick\")", DateTimeOffset.UtcNow.AddMinutes(-2));
        AuditLog.Record(db, "Alice Admin", AuditActions.PlayerUnbanned, subject, "Irrtum; entsperrt", DateTimeOffset.UtcNow.AddMinutes(-1));
        await db.SaveChangesAsync();
        return subject;
    }
}
