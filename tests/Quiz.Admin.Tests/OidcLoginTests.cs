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

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    [InlineData("%2F%0B%2Fevil.example")]
    [InlineData("%2F%7F%2Fevil.example")]
    [InlineData("%2Ffr%C3%A4gen")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    public async Task A_hostile_return_url_lands_on_the_console_after_sign_in(string returnUrl)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.ConsoleUri, "/konto/login?returnUrl=" + returnUrl).ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Alice Admin" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith(fixture.ConsoleUri.ToString(), page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_page_navigation_starts_a_sign_in_background_requests_get_401()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var api = context.APIRequest;
        var console = fixture.ConsoleUri;

        // What Blazor sends while a page unloads after "Abmelden", and a script's fetch: no redirect to the provider.
        var disconnect = await api.PostAsync(new Uri(console, "/_blazor/disconnect").ToString(), new() { MaxRedirects = 0 });
        var fetch = await api.GetAsync(console.ToString(), new() { MaxRedirects = 0, Headers = new Dictionary<string, string> { ["Sec-Fetch-Mode"] = "cors" } });
        var navigation = await api.GetAsync(console.ToString(), new() { MaxRedirects = 0, Headers = new Dictionary<string, string> { ["Sec-Fetch-Mode"] = "navigate" } });

        Assert.Equal(401, disconnect.Status);
        Assert.Equal(401, fetch.Status);
        Assert.Equal(302, navigation.Status);
        Assert.DoesNotContain(await context.CookiesAsync([console.ToString()]), c => c.Name.StartsWith("quiz-admin", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/kein-zugriff(\?.*)?$")]
    private static partial Regex DeniedUrl();
}
