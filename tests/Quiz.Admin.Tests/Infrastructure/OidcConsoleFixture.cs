using Microsoft.Playwright;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// Everything an operator's browser meets, all on loopback: the OIDC provider, the console on
/// Kestrel over a seeded database, and a headless system Chromium.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class OidcConsoleFixture : SeededDatabase
{
    private OidcTestProvider? provider;
    private AdminAppFactory? console;
    private IPlaywright? playwright;

    public Uri ConsoleUri { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    protected override DateTimeOffset Today => DateTimeOffset.UtcNow;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        provider = await OidcTestProvider.StartAsync();
        console = new AdminAppFactory(Database.ConnectionString, "Development", new Dictionary<string, string?>
        {
            ["Admin:Auth:Mode"] = "Oidc",
            ["Admin:Auth:Authority"] = provider.Issuer.ToString(),
            ["Admin:Auth:ClientId"] = OidcTestProvider.ClientId,
            ["Admin:Auth:ClientSecret"] = OidcTestProvider.ClientSecret,
            ["Admin:Auth:RequireHttpsMetadata"] = "false",
        });
        ConsoleUri = console.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = TestEnvironment.ChromiumArgs,
        });
    }

    public string Url(string path) => new Uri(ConsoleUri, path).AbsoluteUri;

    /// <summary>A fresh browser session (German, the given window, downloads allowed).</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1440, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });

    /// <summary>Signs in as one of the provider's people and waits for the Übersicht.</summary>
    public async Task<IPage> SignInAsync(IBrowserContext context, string person)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsoleUri.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = person }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens a console page and waits until its live circuit answers clicks.</summary>
    public async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(Url(path));
        await Assertions.Expect(page.Locator(".quiz-console[data-interactive='true']")).ToBeAttachedAsync();
    }

    /// <summary>Types into a field as an operator does and leaves it (Tab): an editable picker or a number field takes the text then.</summary>
    public static async Task TypeAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>Opens a drop-down (a MudSelect inside <paramref name="field"/>) and picks an option, see <see cref="PickAsync"/>.</summary>
    public static async Task ChooseAsync(ILocator field, string option)
    {
        await field.Locator("[role='combobox']").ClickAsync();
        await PickAsync(field, option);
    }

    /// <summary>
    /// Picks an option from the open list of a drop-down as an operator does, and waits until the list has closed and
    /// the field shows the option: the field shows it only after the page's server took the value, so a click that
    /// follows (Filtern, Speichern) cannot overtake the choice.
    /// </summary>
    public static async Task PickAsync(ILocator field, string option)
    {
        var page = field.Page;
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(option)}$") })
            .ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(field.Locator("[role='combobox']")).ToMatchAriaSnapshotAsync($"- combobox: \"{option}\"");
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (console is not null)
        {
            await console.DisposeAsync();
        }
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
