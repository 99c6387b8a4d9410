using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Messaging;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin on the Betrieb page in Chromium: sees the backlog and the services, sends a dead letter again (the player
/// gets it, once) and asks the bot for the webhook's state at Telegram (the sandbox).
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleMachineryTests(AppModelFixture fixture)
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_admin_sees_the_backlog_sends_a_dead_letter_again_and_refreshes_the_webhook_state()
    {
        var rita = await ChatPlayer.CreateAsync(fixture, "Rita");
        await rita.SayAsync("/start");
        var text = $"Nachgereicht {Guid.NewGuid():N}";
        long dead, waiting;
        await using (var db = fixture.Database())
        {
            var now = DateTimeOffset.UtcNow;
            var lost = OutboxWriter.EnqueueMessage(db, rita.User.UserId, new SendMessagePayload(text), now);
            lost.State = OutboxState.Dead;
            lost.ProcessedAt = now;
            lost.LastError = "Bad Request: simulated";
            // Waits a day: the backlog shows it until the test removes it.
            var later = OutboxWriter.Enqueue(db, OutboxKinds.Notice, rita.User.UserId, new NoticePayload("duel.finished"), now, availableAt: now.AddDays(1));
            await db.SaveChangesAsync();
            (dead, waiting) = (lost.Id, later.Id);
        }

        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Args = ChromiumArgs,
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                BaseURL = fixture.App.GetEndpoint(QuizResources.Admin, "http").ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            await page.GotoAsync($"/anmelden?ReturnUrl={Uri.EscapeDataString("/betrieb")}");
            await page.FillAsync("#key", AppModelFixture.AdminLocalKey);
            await page.ClickAsync("form[action='/konto/anmelden'] button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/betrieb");

            await Assertions.Expect(page.Locator(".warteschlange-art[data-art='notice']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".dienst[data-dienst='bot']")).ToContainTextAsync("Bot: bereit");
            await Assertions.Expect(page.Locator(".dienst[data-dienst='worker']")).ToContainTextAsync("Worker: bereit");
            await Assertions.Expect(page.Locator(".aufgabe-name").First).ToBeVisibleAsync();

            var row = page.Locator($".tot-art[data-tot='{dead}'] >> xpath=..");
            await ClickUntilAsync(page, row.Locator(".tot-senden"), row.Locator(".tot-erneut"));
            await rita.MessageAsync(text);

            await ClickUntilAsync(page, page.Locator(".webhook-aktualisieren"), page.Locator(".webhook-abgefragt"));
            await Assertions.Expect(page.Locator(".webhook-wartend")).ToBeVisibleAsync();

            await using var check = fixture.Database();
            Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"requeue:{dead}"));
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.OutboxMessages.Where(m => m.Id == waiting).ExecuteDeleteAsync();
        }
    }

    /// <summary>A prerendered Blazor page ignores clicks until its circuit is connected, so the click is repeated until it shows.</summary>
    private static async Task ClickUntilAsync(IPage page, ILocator button, ILocator shown)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await button.CountAsync() > 0) await button.ClickAsync();
            try
            {
                await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                await page.WaitForTimeoutAsync(100);
            }
        }
    }
}
