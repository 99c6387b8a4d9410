using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Questions;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>What an operator meets in a real browser: refusals, unknown addresses, the icon, headings, table widths.</summary>
public sealed class ConsoleLookTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task A_moderator_refused_an_admin_page_is_told_the_page_needs_the_admin_role()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Mia Moderatorin");

        var denied = await page.GotoAsync(fixture.Url("/shop"));

        Assert.Equal(403, denied!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".access-denied-grund")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("braucht die Rolle Administrator"));
        Assert.DoesNotContain("keine Rolle", await page.Locator(".access-denied-grund").InnerTextAsync(), StringComparison.Ordinal);

        // Inside the live console (no page load) the same refusal comes from the router.
        await page.GotoAsync(fixture.Url("/fragen"));
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
        await page.EvaluateAsync("Blazor.navigateTo('/turniere')");
        await Expect(page.Locator(".access-denied .access-denied-grund")).ToContainTextAsync("braucht die Rolle Administrator");
    }

    [Fact]
    public async Task A_moderators_menu_holds_the_fair_play_pages_only_and_Kaeufe_and_Support_are_refused()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Mia Moderatorin");

        await Expect(page.Locator(".mud-navmenu a")).ToHaveCountAsync(5);
        Assert.Equal(["Übersicht", "Fragen", "Meldungen", "Spieler", "Markiert"], (await page.Locator(".mud-navmenu a").AllInnerTextsAsync()).Select(t => t.Trim()));
        await Expect(page.Locator("[data-kennzahl='support']")).ToHaveCountAsync(0);
        foreach (var path in (string[])["/kaeufe", "/support", "/fragen/import"])
        {
            var denied = await page.GotoAsync(fixture.Url(path));
            Assert.Equal(403, denied!.Status);
            await Expect(page.Locator(".access-denied-grund")).ToContainTextAsync("braucht die Rolle Administrator");
        }
        await fixture.OpenAsync(page, "/markiert");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Markiert", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MudBlazors_own_texts_are_German_even_in_an_English_browser()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await fixture.SignInAsync(context, "Alice Admin");

        await fixture.OpenAsync(page, "/fragen");
        await Expect(page.Locator(".mud-table-pagination-information")).ToHaveTextAsync("Zeilen pro Seite:");
        await Expect(page.Locator(".mud-table-page-number-information")).ToContainTextAsync(" von ");
        await Expect(page.Locator(".mud-table-pagination-next-button")).ToHaveAttributeAsync("aria-label", "Nächste Seite");

        await fixture.OpenAsync(page, "/protokoll");
        await page.Locator(".filter-von button[aria-label='Kalender öffnen']").ClickAsync();
        await Expect(page.Locator(".mud-picker-calendar-header-day .mud-day-label")).ToHaveTextAsync(["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]);
        Assert.DoesNotContain("Rows per page", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_german_not_found_page_with_status_404()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");

        var response = await page.GotoAsync(fixture.Url("/gibt-es-nicht/auch-nicht"));

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seite nicht gefunden", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("Not Found", await page.ContentAsync(), StringComparison.Ordinal);

        // A link inside the live console to an address no page has: the same German page.
        await page.GotoAsync(fixture.Url("/fragen"));
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
        await page.EvaluateAsync("Blazor.navigateTo('/fragen/gibt-es-nicht')");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seite nicht gefunden", Level = 1 })).ToBeVisibleAsync();

        // Without a session too: nothing to sign in for, and nothing in English.
        await using var anonymous = await fixture.NewContextAsync();
        var outside = await anonymous.APIRequest.GetAsync(fixture.Url("/irgendwas"), new() { MaxRedirects = 0 });
        Assert.Equal(404, outside.Status);
        Assert.Contains("Seite nicht gefunden", await outside.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_has_a_favicon()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Url("/nicht-gefunden"));

        var href = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        var linked = await context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        var classic = await context.APIRequest.GetAsync(fixture.Url("/favicon.ico"));

        Assert.Equal((200, "image/svg+xml"), (linked.Status, linked.Headers["content-type"]));
        Assert.Equal(200, classic.Status);
        Assert.StartsWith("image/", classic.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_focused_page_heading_has_no_focus_frame()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");

        // A fresh page load: the router focuses the heading with no click before it (where Chromium draws the frame).
        await page.GotoAsync(fixture.Url("/meldungen"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Meldungen", Level = 1 });
        await Expect(heading).ToBeFocusedAsync();

        Assert.Equal("none", await heading.EvaluateAsync<string>("h => getComputedStyle(h).outlineStyle"));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1280, 800)]
    [InlineData(820, 1180)]
    [InlineData(1180, 820)]
    public async Task The_question_table_fits_and_Ausmustern_is_visible(int width, int height)
    {
        await QuestionConsole.CategoryAsync(fixture.Database, "breit", "Geschichte und Gesellschaft");
        var active = $"brt-{width}-a";
        var suspended = $"brt-{width}-s";
        await QuestionConsole.QuestionAsync(fixture.Database, active, "breit", LongText);
        await QuestionConsole.QuestionAsync(fixture.Database, suspended, "breit", LongText, QuestionStatus.Suspended);
        // With its answer statistics and a learned difficulty: the widest a row gets.
        await using (var db = fixture.Database.CreateContext())
        {
            db.QuestionStats.Add(new Core.Questions.Stats.QuestionStats
            {
                QuestionId = active, Asked = 123_456, Correct = 98_765, TimedOut = 12_345, MedianAnswerMs = 12_345, CalibratedDifficulty = 3, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var context = await fixture.NewContextAsync(width, height);
        var page = await fixture.SignInAsync(context, "Alice Admin");

        await page.GotoAsync(fixture.Url("/fragen"));
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
        await page.Locator(".filter-suche input").FillAsync($"brt-{width}");
        await Expect(page.Locator(".fragen-tabelle tbody tr")).ToHaveCountAsync(2);

        var container = (await page.Locator(".fragen-tabelle .mud-table-container").BoundingBoxAsync())!;
        foreach (var button in await page.Locator(".aktion-ausmustern").AllAsync())
        {
            await Expect(button).ToBeVisibleAsync();
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= Math.Min(width, container.X + container.Width),
                $"Ausmustern ends at {box.X + box.Width} px, the table at {container.X + container.Width} px, the window at {width} px; columns: {await ColumnsAsync(page)}");
        }
        var overflow = await page.EvaluateAsync<int>(
            "(() => { const c = document.querySelector('.fragen-tabelle .mud-table-container'); return c.scrollWidth - c.clientWidth; })()");
        Assert.True(overflow == 0, $"the table is {overflow} px wider than its container; columns: {await ColumnsAsync(page)}");
    }

    private const string LongText =
        "Welcher Donaudampfschifffahrtsgesellschaftskapitän erhielt 1898 die Genehmigung, zwischen Regensburg, Passau, "
        + "Linz, Wien und Budapest regelmäßig Fahrgäste und Post zu befördern, obwohl die Strecke wegen Hochwassers "
        + "monatelang gesperrt war und nur Frachtschiffe fahren durften?";

    private static Task<string> ColumnsAsync(IPage page) => page.EvaluateAsync<string>(
        "[...document.querySelectorAll('.fragen-tabelle thead th')].map(th => Math.round(th.getBoundingClientRect().width)).join(' ')");
}
