using Quiz.Admin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>A list page whose filter finds nothing says so in German, in a real browser, on the tablet as at 1280 px.</summary>
public sealed class ConsoleEmptyStateTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    private const string Nothing = "zz-gibt-es-nicht-42";

    [Theory]
    [InlineData("/fragen", ".filter-suche input", ".fragen-leer", "Keine Fragen gefunden.", 1280)]
    [InlineData("/spieler", ".spieler-suche input", ".spieler-leer", "Keine Spieler gefunden.", 820)]
    [InlineData("/kaeufe", ".filter-suche input", ".kaeufe-leer", "Keine Käufe gefunden.", 1280)]
    [InlineData("/support", ".filter-suche input", ".support-leer", "Keine Fälle gefunden.", 820)]
    [InlineData("/protokoll", ".filter-wer input", ".protokoll-leer", "Keine Einträge zu diesem Filter.", 1280)]
    public async Task A_filter_that_finds_nothing_says_so_in_German(string path, string filter, string empty, string text, int width)
    {
        await using var context = await fixture.NewContextAsync(width, 900);
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, path);

        await page.Locator(filter).FillAsync(Nothing);
        await page.Locator(filter).PressAsync("Enter");

        await Expect(page.Locator(empty)).ToHaveTextAsync(text);
        await Expect(page.Locator(empty)).ToBeInViewportAsync();
    }
}
