using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// The console in headless Chromium, signed in with the local operator key and on <c>path</c> once the page is
/// interactive: the set-up every console browser test shares.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--no-first-run"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page) => (this.playwright, this.browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    public static async Task<ConsoleBrowser> SignInAsync(AppModelFixture fixture, string path)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = fixture.App.GetEndpoint(QuizResources.Admin, "http").ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await page.GotoAsync($"/anmelden?ReturnUrl={Uri.EscapeDataString(path)}");
        await page.FillAsync("#key", AppModelFixture.AdminLocalKey);
        await page.ClickAsync("form[action='/konto/anmelden'] button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await page.Locator(".quiz-console[data-interactive='true']").WaitForAsync();
        return new ConsoleBrowser(playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
