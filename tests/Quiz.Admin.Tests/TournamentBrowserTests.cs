using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Tournaments;
using static Microsoft.Playwright.Assertions;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>The Turniere page's Rangliste in a real browser, on a tablet and on a 1280 px desktop: an operator finds a player's place.</summary>
public sealed class TournamentBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Theory]
    [InlineData(820, 1180)]
    [InlineData(1280, 800)]
    public async Task An_admin_opens_the_Rangliste_and_finds_a_players_place_by_name(int width, int height)
    {
        await QuestionsAsync(fixture.Database);
        await using var core = fixture.Database.Core(TimeProvider.System);
        var (id, _) = await TournamentAsync(core, TournamentState.Active);
        await PlayAsync(core, id, "Greta");
        var hans = await PlayAsync(core, id, "Hans");
        await using var context = await fixture.NewContextAsync(width, height);
        var page = await fixture.SignInAsync(context, "Alice Admin");

        await fixture.OpenAsync(page, "/turniere");
        var row = page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{id}']") });
        await row.Locator(".aktion-rangliste").ClickAsync();
        var search = page.Locator(".rangliste-suchfeld input");
        await search.FillAsync("hans");
        await search.PressAsync("Enter");

        var hit = page.Locator(".rangliste-suche-tabelle .rangliste-treffer");
        await Expect(hit).ToHaveAttributeAsync("data-spieler", hans.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(hit).ToBeInViewportAsync();
        var place = (await core.Get<TournamentAdministration>().StandingsAsync(id))!.Top.Single(l => l.PlayerId == hans).Rank;
        await Expect(hit.Locator(".rang-platz")).ToHaveTextAsync(place.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Nothing sticks out of the window.
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
    }
}
