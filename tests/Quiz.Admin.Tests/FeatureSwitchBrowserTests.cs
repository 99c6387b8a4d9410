using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Admin.Texts;
using Quiz.Core.Features;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// "Schalter" in Chromium against PostgreSQL: what a switch shows is what is stored — when an admin flips two switches
/// faster than the first is saved, and when they decline the question before maintenance.
/// </summary>
public sealed class FeatureSwitchBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task Two_switches_flipped_before_the_first_is_saved_are_both_saved_and_shown_off()
    {
        await ResetAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/schalter");
        var survival = page.Locator(".schalter-survival input");
        var shop = page.Locator(".schalter-shop input");

        // Both clicks leave the browser before the console has answered the first: as fast as a double flick can be.
        await page.EvaluateAsync("() => { for (const key of ['survival', 'shop']) document.querySelector(`.schalter-${key} input`).click(); }");

        var history = page.Locator(".schalter-verlauf tbody tr");
        await Expect(history.Filter(new() { HasTextString = AdminTexts.Features.Name(Feature.Survival) })).ToContainTextAsync("an → aus");
        await Expect(history.Filter(new() { HasTextString = AdminTexts.Features.Name(Feature.Shop) })).ToContainTextAsync("an → aus");
        await Expect(survival).Not.ToBeCheckedAsync();
        await Expect(shop).Not.ToBeCheckedAsync();
        var stored = await ReadAsync();
        Assert.False(stored.Open(Feature.Survival));
        Assert.False(stored.Open(Feature.Shop));

        await page.ReloadAsync();
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(survival).Not.ToBeCheckedAsync();
        await Expect(shop).Not.ToBeCheckedAsync();
        await Expect(page.Locator(".schalter-duels input")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Maintenance_declined_at_its_question_stays_off_on_the_page_and_in_the_database()
    {
        await ResetAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/schalter");
        var maintenance = page.Locator(".schalter-maintenance input");

        await maintenance.ClickAsync(new LocatorClickOptions { Force = true });
        var question = page.Locator(".mud-dialog", new() { HasTextString = AdminTexts.Features.ConfirmTitle });
        await Expect(question).ToContainTextAsync(AdminTexts.Features.MaintenanceConfirm);
        await question.GetByRole(AriaRole.Button, new() { Name = AdminTexts.Features.Cancel }).ClickAsync();

        await Expect(question).ToHaveCountAsync(0);
        await Expect(maintenance).Not.ToBeCheckedAsync();
        Assert.False((await ReadAsync()).Maintenance);
    }

    private async Task ResetAsync()
    {
        await using var core = fixture.Database.Core(TimeProvider.System);
        await core.Get<FeatureSwitches>().ChangeAsync(FeatureKeys.All.ToDictionary(f => f, FeatureKeys.DefaultOn), "reset");
    }

    private async Task<FeatureSet> ReadAsync()
    {
        await using var core = fixture.Database.Core(TimeProvider.System);
        return await core.Get<FeatureSwitches>().ReadAsync();
    }
}
