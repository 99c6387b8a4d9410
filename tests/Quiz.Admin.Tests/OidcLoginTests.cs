using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

public sealed partial class OidcLoginTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task Admin_sees_overview_after_oidc_login()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.ConsoleUri.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Alice Admin" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith(fixture.ConsoleUri.ToString(), page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-kennzahl='spieler'] .kennzahl-wert")).ToHaveTextAsync("1.234");
        await Expect(page.Locator(".console-user")).ToHaveTextAsync("Alice Admin");
        await Expect(page.Locator(".console-role")).ToContainTextAsync("Administrator");

        // The live circuit (refresh timer, navigation) only exists once the hub accepted the session.
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Admin_signs_out_at_the_console_and_the_provider()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.ConsoleUri.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Alice Admin" }).ClickAsync();
        await Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        // Back at the provider's login: the console session is gone and "/" challenges again.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Alice Admin" })).ToBeVisibleAsync();
        var cookies = await context.CookiesAsync([fixture.ConsoleUri.ToString()]);
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith("quiz-admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_without_role_is_denied()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.ConsoleUri.ToString());

        var denied = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Bob Ohnerolle" }).ClickAsync(),
            r => r.Url.Contains("/kein-zugriff", StringComparison.Ordinal));

        Assert.Equal(403, denied.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(DeniedUrl());
        await Expect(page.Locator("[data-kennzahl]")).ToHaveCountAsync(0);

        // The same session must not reach the console or its live channel either.
        var again = await page.GotoAsync(fixture.ConsoleUri.ToString());
        Assert.Equal(403, again!.Status);
        var hub = await page.APIRequest.PostAsync(new Uri(fixture.ConsoleUri, "/_blazor/negotiate?negotiateVersion=1").ToString(),
            new() { MaxRedirects = 0 });
        Assert.NotEqual(200, hub.Status);
    }

    [GeneratedRegex(@"/kein-zugriff(\?.*)?$")]
    private static partial Regex DeniedUrl();
}
