using System.Text.RegularExpressions;
using Quiz.Admin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// The console's forms refuse in German, in a real browser with an English language setting: a required text left empty
/// and a word where a number belongs (MudBlazor's own conversion message as well as Core's rules), and nothing English
/// anywhere in the dialog.
/// </summary>
public sealed partial class ConsoleValidationTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Theory]
    [InlineData("/turniere", ".turnier-neu", ".feld-titel input", ".feld-fragen input")]
    [InlineData("/turniere", ".serie-neu", ".feld-muster input", ".feld-dauer input")]
    [InlineData("/shop", ".shop-neu", ".feld-titel input", ".feld-preis input")]
    [InlineData("/fragen", ".aktion-bearbeiten", ".feld-text textarea", null)]
    public async Task A_form_left_empty_or_given_a_word_for_a_number_is_refused_in_German(string path, string open, string text, string? number)
    {
        await QuestionConsole.CategoryAsync(fixture.Database, "pruefung", "Prüfung");
        await QuestionConsole.QuestionAsync(fixture.Database, $"pruefung-{Guid.NewGuid():N}"[..20], "pruefung", "Wie viele Bundesländer hat Deutschland?");
        await using var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, path);

        await page.Locator(open).First.ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator(".dialog-speichern")).ToBeVisibleAsync();
        await dialog.Locator(text).FillAsync("");
        if (number is not null)
        {
            await dialog.Locator(number).FillAsync("zwölf");
            await dialog.Locator(number).BlurAsync();
        }
        await dialog.Locator(".dialog-speichern").ClickAsync();

        await Expect(dialog.Locator(".dialog-fehler")).ToBeVisibleAsync();
        var shown = await dialog.InnerTextAsync();
        Assert.False(English().IsMatch(shown), $"English in the dialog: {English().Match(shown).Value}\n{shown}");
        if (number is not null)
        {
            await Expect(dialog.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasText = "Keine gültige Zahl" })).ToBeVisibleAsync();
        }
    }

    /// <summary>Words of MudBlazor's and .NET's English messages ("Not a valid number", "Required", "Input string was not …").</summary>
    [GeneratedRegex(@"\b(not|valid|invalid|required|must|field|number|value|error|failed|input|string|the)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
