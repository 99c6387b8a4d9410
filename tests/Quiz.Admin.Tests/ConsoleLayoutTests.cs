using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// Every page of the menu (and the pages they open: a player, the question import) at 1280 px and on a tablet (portrait; landscape for the admin),
/// for the admin and, on their pages, the moderator: the page shows its heading, finishes loading, is no wider than the
/// window, and every button on it is on screen, neither clipped by a scrolling table nor covered — an operator reaches
/// every action without scrolling sideways. Over data that makes the tables wide (<see cref="ConsoleLayoutSeed"/>).
/// </summary>
public sealed class ConsoleLayoutTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    private static readonly ConditionalWeakTable<OidcConsoleFixture, Task<long>> Seeded = new();

    [Theory]
    [InlineData("Alice Admin", AdminRoles.Admin, 1280, 800)]
    [InlineData("Alice Admin", AdminRoles.Admin, 820, 1180)]
    [InlineData("Alice Admin", AdminRoles.Admin, 1180, 820)]
    [InlineData("Mia Moderatorin", AdminRoles.Moderator, 1280, 800)]
    [InlineData("Mia Moderatorin", AdminRoles.Moderator, 820, 1180)]
    public async Task Every_page_fits_the_window_and_shows_its_heading_and_every_button(string person, string role, int width, int height)
    {
        var player = await Seeded.GetValue(fixture, f => ConsoleLayoutSeed.SeedAsync(f.Database));
        var pages = NavItems.All.Where(item => item.Roles.Split(',').Contains(role)).Select(item => (item.Href, item.Title)).ToList();
        pages.Add(($"/spieler/{player}", ConsoleLayoutSeed.PlayerName));
        if (role == AdminRoles.Admin) pages.Add(("/fragen/import", "Fragen importieren"));
        await using var context = await fixture.NewContextAsync(width, height);
        var page = await fixture.SignInAsync(context, person);

        var problems = new List<string>();
        foreach (var (path, title) in pages)
        {
            await fixture.OpenAsync(page, path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1, Exact = true })).ToBeVisibleAsync();
            if (!await LoadedAsync(page))
            {
                problems.Add($"{path}: still loading after 15 s");
                continue;
            }
            var found = await page.EvaluateAsync<string[]>(Layout);
            if (found.Length > 0) found = [.. found, await page.EvaluateAsync<string>(Columns)];
            problems.AddRange(found.Select(p => $"{path}: {p}"));
        }

        Assert.True(problems.Count == 0, $"{role} at {width}×{height}:\n" + string.Join("\n", problems));
    }

    /// <summary>Waits until no "… wird/werden geladen …" is left on the page.</summary>
    private static async Task<bool> LoadedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => !/geladen …/.test(document.querySelector('.mud-main-content').innerText)", null, new() { Timeout = 15_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>For the message: each table's columns with their widths.</summary>
    private const string Columns = """
        () => 'columns: ' + [...document.querySelectorAll('.mud-main-content table')].map(t =>
            [...t.querySelectorAll('thead th')].map(th => `${th.innerText.trim()} ${Math.round(th.getBoundingClientRect().width)}`).join(' | ')).join(' // ')
        """;

    /// <summary>
    /// The page's width against the window's, then each enabled, shown button of the page scrolled to the middle of the
    /// window (vertically only: a table's own scroll frame is left as it is): inside the window, and the element at its
    /// centre is the button itself (not the table frame clipping it, the drawer or the bar above it).
    /// </summary>
    private const string Layout = """
        () => {
            const problems = [];
            const width = window.innerWidth, height = window.innerHeight;
            const page = document.documentElement.scrollWidth;
            if (page > width) problems.push(`the page is ${page} px wide, the window ${width} px`);
            for (const button of document.querySelectorAll('.mud-main-content button, .mud-main-content a.mud-button-root')) {
                if (button.disabled || button.classList.contains('mud-disabled') || getComputedStyle(button).visibility === 'hidden') continue;
                let box = button.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;
                window.scrollTo(window.scrollX, window.scrollY + box.top + box.height / 2 - height / 2);
                box = button.getBoundingClientRect();
                const name = (button.innerText || button.getAttribute('aria-label') || button.className).trim().slice(0, 40);
                if (box.left < 0 || box.right > width + 0.5) {
                    problems.push(`"${name}" spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
                    continue;
                }
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                if (!hit || !(hit === button || button.contains(hit))) {
                    problems.push(`"${name}" is hidden under ${hit ? hit.tagName.toLowerCase() + '.' + [...hit.classList].join('.') : 'nothing'}`);
                }
            }
            window.scrollTo(0, 0);
            return problems;
        }
        """;
}
