using System.Runtime.CompilerServices;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// The console of the running app model in a headless Chromium, signed in with the local operator key: one set-up for
/// every console browser test (launch, sign-in, wait for the live circuit).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The signed-in cookies of each app model's first sign-in (Playwright's storage state as JSON).</summary>
    private static readonly ConditionalWeakTable<AppModelFixture, string> SignedIn = new();

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page) => (this.playwright, this.browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <summary>Starts Chromium (no page yet) for a test that opens other pages than the console's.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Args = TestEnvironment.ChromiumArgs,
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Signs in as the local admin, lands on <paramref name="pathAndQuery"/> and waits until the page answers clicks.
    /// The first test of an app model signs in through the form; the later ones reuse its cookie, as an operator's browser
    /// does: the form allows 5 sign-ins a minute from one address (LocalLoginRateLimiting), fewer than the console tests.
    /// </summary>
    public static async Task<ConsoleBrowser> SignInAsync(AppModelFixture fixture, string pathAndQuery, int width = 1280, int height = 900)
    {
        var (playwright, browser) = await LaunchAsync();
        SignedIn.TryGetValue(fixture, out var state);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = fixture.App.GetEndpoint(QuizResources.Admin, "http").ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "de-DE",
            StorageState = state,
        });
        var path = new Uri(new Uri("http://x"), pathAndQuery).AbsolutePath;
        if (state is null)
        {
            await page.GotoAsync($"/anmelden?ReturnUrl={Uri.EscapeDataString(pathAndQuery)}");
            await page.FillAsync("#key", AppModelFixture.AdminLocalKey);
            await page.ClickAsync("form[action='/konto/anmelden'] button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
            SignedIn.AddOrUpdate(fixture, await page.Context.StorageStateAsync());
        }
        else
        {
            await page.GotoAsync(pathAndQuery);
        }
        // Typing or clicking before the circuit is connected would be lost: the layout says when the page is interactive.
        await page.Locator(".quiz-console[data-interactive='true']").WaitForAsync();
        return new ConsoleBrowser(playwright, browser, page);
    }

    /// <summary>Clicks until <paramref name="shown"/> appears (a click can race a re-render that replaces the button).</summary>
    public async Task ClickUntilAsync(ILocator button, ILocator shown)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await button.CountAsync() > 0)
            {
                await button.ClickAsync();
            }
            try
            {
                await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                await Page.WaitForTimeoutAsync(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
