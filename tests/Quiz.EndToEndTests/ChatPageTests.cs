using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// A person plays the real bot in the sandbox's chat page in Chromium: buys every package, uses a Joker 50:50 and
/// a Turnier-Ticket, subscribes to Premium through its invoice link and handles the subscription in the "Abos" block.
/// The page polls every second, so every step waits on what becomes visible, never on a fixed time.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ChatPageTests(AppModelFixture fixture) : IAsyncLifetime
{
    private const float Patience = 30_000;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Args = TestEnvironment.ChromiumArgs,
        });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = fixture.App.GetEndpoint(QuizResources.TelegramSandbox, "http").ToString(), Locale = "de-DE",
        });
        _page.SetDefaultTimeout(Patience);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_player_buys_jokers_in_the_page_and_a_fifty_fifty_leaves_two_answers()
    {
        await StartChatAsync("Lena");
        await BuyAsync("5 Joker 50:50");

        await SendAsync("/spielen");
        var question = BotMessages().Filter(new() { HasText = "Frage 1/10 · " }).Last;
        await question.GetByRole(AriaRole.Button, new() { Name = "🃏 50:50" }).ClickAsync();
        await Assertions.Expect(question.Locator(".keyboard button")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await ToastAsync("🃏 Zwei falsche Antworten sind weg.");

        await question.Locator(".keyboard button").First.ClickAsync();
        await SeeTextAsync(BotMessages().Filter(new() { HasText = "Frage 2/10 · " }).Last, "💡");
    }

    /// <summary>ADR 0013's pictures: with <c>QUIZ_SCREENSHOTS</c> set to a folder, the page as the player sees it is saved there.</summary>
    [Fact]
    public async Task A_player_sees_each_verdict_quoted_above_the_next_question_while_the_answered_question_stays()
    {
        await _page.SetViewportSizeAsync(1100, 1000);
        await StartChatAsync("Nora");
        await SendAsync("/spielen");
        var first = BotMessages().Filter(new() { HasText = "Frage 1/10 · " }).Last;
        await first.Locator(".keyboard button").First.ClickAsync();
        var second = BotMessages().Filter(new() { HasText = "Frage 2/10 · " }).Last;
        await SeeTextAsync(second.Locator("blockquote"), "💡");
        await Assertions.Expect(first.Locator(".keyboard button")).ToHaveCountAsync(4);
        await first.Locator(".keyboard button").Last.ClickAsync();
        await ToastAsync("Diese Frage ist schon vorbei");
        await ScreenshotAsync("0013-verdict-above-next-question.png");

        for (var i = 2; i <= 10; i++)
        {
            await BotMessages().Filter(new() { HasText = $"Frage {i}/10 · " }).Last.Locator(".keyboard button").First.ClickAsync();
        }
        var result = BotMessages().Filter(new() { HasText = "Spiel beendet" }).Last;
        await SeeTextAsync(result.Locator("blockquote"), "💡");
        await ScreenshotAsync("0013-verdict-above-result.png");
    }

    private async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("QUIZ_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await _page.Locator("main.chat").ScreenshotAsync(new() { Path = Path.Combine(folder, name) });
        }
    }

    [Fact]
    public async Task A_player_subscribes_to_Premium_through_its_link_and_switches_renewal_in_the_Abos_block()
    {
        await StartChatAsync("Mara");
        await ShopButtonAsync("Premium 30 Tage");
        var offer = BotMessages().Filter(new() { HasText = "Premium ist ein Abo" }).Last;
        await offer.GetByRole(AriaRole.Button, new() { Name = "⭐ Premium abonnieren" }).ClickAsync();
        await ToastAsync("Bezahlt ✅");
        await SeeAsync(BotMessages().Filter(new() { HasText = "„Premium 30 Tage“ ist jetzt in Deinem Konto" }));

        var subscription = _page.Locator("#subs-list .sub");
        await Assertions.Expect(subscription).ToHaveCountAsync(1, new() { Timeout = Patience });
        await SeeTextAsync(subscription, "verlängert sich");
        await SeeTextAsync(subscription, "0× verlängert");

        // Telegram charges the next period: the bot confirms the renewal.
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Nächste Abbuchung simulieren" }).ClickAsync();
        await ToastAsync("Abgebucht ✅");
        await SeeAsync(BotMessages().Filter(new() { HasText = "Dein Premium-Abo wurde verlängert" }));
        await SeeTextAsync(subscription, "1× verlängert");

        // Switched off in Telegram, nothing is charged; switched on again, it renews.
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Verlängerung ausschalten" }).ClickAsync();
        await SeeTextAsync(subscription, "Verlängerung aus");
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Nächste Abbuchung simulieren" }).ClickAsync();
        await ToastAsync("Keine Abbuchung: Das Abo wurde gekündigt.");
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Verlängerung einschalten" }).ClickAsync();
        await ToastAsync("Verlängerung eingeschaltet");
        await SeeTextAsync(subscription, "verlängert sich");

        // Cancelled by the bot in /profil, Telegram refuses to switch it on: the page shows the refusal.
        await SendAsync("/profil");
        var profile = BotMessages().Filter(new() { HasText = "Premium-Abo: bezahlt bis" }).Last;
        await profile.GetByRole(AriaRole.Button, new() { Name = "Abo kündigen" }).ClickAsync();
        await SeeAsync(BotMessages().Filter(new() { HasText = "verlängert sich nicht mehr" }));
        await SeeTextAsync(subscription, "vom Bot gekündigt");
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Verlängerung einschalten" }).ClickAsync();
        await ToastAsync("canceled by the bot");
        await SeeTextAsync(subscription, "vom Bot gekündigt");
    }

    [Fact]
    public async Task A_player_buys_games_extra_lives_and_a_ticket_in_the_page_profil_lists_them_and_the_ticket_enters_a_tournament()
    {
        await StartChatAsync("Timo");
        await BuyAsync("10 Spiele");
        await BuyAsync("3 Extra-Leben");
        await BuyAsync("Turnier-Ticket");

        await SendAsync("/profil");
        var holdings = BotMessages().Filter(new() { HasText = "Dein Vorrat" }).Last;
        await SeeTextAsync(holdings, "Turnier-Tickets: 1");
        await SeeTextAsync(holdings, "Extra-Leben: 3");
        await SeeTextAsync(holdings, "Spiele: 10");

        // An operator opens a ticket tournament; Timo follows its link and plays with the ticket he bought.
        var title = "Seitenturnier " + Guid.NewGuid().ToString("N")[..6];
        var id = await new TournamentDesk(fixture).OpenAsync(title, "ticket", questions: 3, duration: TimeSpan.FromMinutes(30));
        await SendAsync($"/start turnier_{id:N}");
        var card = BotMessages().Filter(new() { HasText = title }).Last;
        await card.GetByRole(AriaRole.Button, new() { Name = "Mitspielen" }).ClickAsync();
        await SeeAsync(BotMessages().Filter(new() { HasText = "1 Turnier-Ticket eingelöst" }));
        var question = BotMessages().Filter(new() { HasText = "Frage 1/3 · " }).Last;
        await question.Locator(".keyboard button").First.ClickAsync();
        // A running tournament keeps its answers until the result.
        await SeeTextAsync(BotMessages().Filter(new() { HasText = "Frage 2/3 · " }).Last, "🔒");

        await SendAsync("/profil");
        await SeeTextAsync(BotMessages().Filter(new() { HasText = "Dein Vorrat" }).Last, "Turnier-Tickets: 0");
    }

    /// <summary>Opens the page, creates a user in the form and waits until their chat is selected.</summary>
    private async Task StartChatAsync(string firstName)
    {
        await _page.GotoAsync("/");
        await _page.FillAsync("#new-user [name=firstName]", firstName);
        await _page.FillAsync("#new-user [name=username]", firstName.ToLowerInvariant());
        await _page.ClickAsync("#new-user button[type=submit]");
        await Assertions.Expect(_page.Locator("#chat-title")).ToHaveTextAsync("Quiz · Chat mit " + firstName, new() { Timeout = Patience });
        await Assertions.Expect(_page.Locator("#text")).ToBeEnabledAsync(new() { Timeout = Patience });
    }

    private async Task SendAsync(string text)
    {
        await _page.FillAsync("#text", text);
        await _page.PressAsync("#text", "Enter");
    }

    /// <summary>/shop, then the package's buy button (its text starts with the title, the price follows).</summary>
    private async Task ShopButtonAsync(string title)
    {
        await SendAsync("/shop");
        var shop = BotMessages().Filter(new() { HasText = "Tippe auf ein Paket" }).Last;
        await shop.GetByRole(AriaRole.Button, new() { Name = title + " · " }).ClickAsync();
    }

    /// <summary>Buys a one-off package: buy button, "Mit ⭐ bezahlen" on its invoice, the bot's thank-you.</summary>
    private async Task BuyAsync(string title)
    {
        await ShopButtonAsync(title);
        var invoice = _page.Locator("#messages .invoice").Filter(new() { HasText = title }).Last;
        await invoice.GetByRole(AriaRole.Button, new() { Name = "Mit ⭐ bezahlen" }).ClickAsync();
        await ToastAsync("Bezahlt ✅");
        await SeeTextAsync(invoice, "✅ Bezahlt");
        await SeeAsync(BotMessages().Filter(new() { HasText = $"„{title}“ ist jetzt in Deinem Konto" }));
    }

    private ILocator BotMessages() => _page.Locator("#messages .msg.bot");

    /// <summary>The toast that is showing now (a hidden one keeps its last text).</summary>
    private Task ToastAsync(string text) =>
        SeeTextAsync(_page.Locator("#toast").Filter(new() { Visible = true }), text);

    private static Task SeeAsync(ILocator locator) =>
        Assertions.Expect(locator.Last).ToBeVisibleAsync(new() { Timeout = Patience });

    private static Task SeeTextAsync(ILocator locator, string text) =>
        Assertions.Expect(locator).ToContainTextAsync(text, new() { Timeout = Patience });
}
