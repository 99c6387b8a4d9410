using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Economy;
using Quiz.ServiceDefaults;

namespace Quiz.EndToEndTests;

/// <summary>An operator refunds a purchase in the console's browser page; Telegram and the bot carry it to the player.</summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleRefundTests(AppModelFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_admin_refunds_ten_games_from_Kaeufe_and_the_player_gets_the_stars_and_the_notice()
    {
        var rita = await ChatPlayer.CreateAsync(fixture, "Rita");
        await rita.SayAsync("/shop");
        var shop = await rita.MessageAsync("Shop");
        Assert.Null((await rita.PressAsync(shop, "shop:buy:spiele-10")).Text);
        var paid = await rita.PayAsync(await rita.InvoiceMessageAsync());
        Assert.Equal("paid", paid.Status);
        await rita.MessageAsync("Danke für Deinen Kauf");
        var charge = paid.TelegramPaymentChargeId!;

        var purchasePage = $"/kaeufe?suche={Uri.EscapeDataString(charge)}";
        await using var console = await ConsoleBrowser.SignInAsync(fixture, purchasePage);
        var page = console.Page;

        await OpenDetailAsync(page);
        await page.FillAsync(".erstattung-grund input", "Versehentlich gekauft");
        await page.ClickAsync(".aktion-erstatten");
        await Assertions.Expect(page.Locator(".erstattung-stand")).Not.ToHaveAttributeAsync("data-stand", "None");

        var refund = await WaitForRefundedPaymentAsync(rita.User.UserId);
        Assert.Contains(charge, refund.ToJsonString(), StringComparison.Ordinal);
        await rita.MessageAsync("wurde erstattet");

        await using (var db = fixture.Database())
        {
            Assert.Equal(PurchaseStatus.Refunded, (await db.Purchases.SingleAsync(p => p.TelegramPaymentChargeId == charge)).Status);
        }
        await page.GotoAsync(purchasePage);
        var status = page.Locator(".kauf-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", nameof(PurchaseStatus.Refunded));
        await Assertions.Expect(status).ToContainTextAsync("Erstattet");
    }

    /// <summary>A prerendered Blazor page ignores clicks until its circuit is connected, so the click is repeated until the detail opens.</summary>
    private static async Task OpenDetailAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + Patience;
        await Assertions.Expect(page.Locator(".kauf-spieler")).ToHaveCountAsync(1);
        while (true)
        {
            await page.ClickAsync(".aktion-details");
            try
            {
                await page.Locator(".kauf-detail").WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>Telegram's refunded_payment service message in the player's chat (the sandbox shows it like Bot API 10.1).</summary>
    private async Task<JsonObject> WaitForRefundedPaymentAsync(long userId)
    {
        using var http = fixture.App.CreateHttpClient(QuizResources.TelegramSandbox);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var chat = (await http.GetFromJsonAsync<JsonArray>($"/sandbox/api/users/{userId}/chat"))!;
            if (chat.Select(m => (m?["refundedPayment"] ?? m?["refunded_payment"])).OfType<JsonObject>().LastOrDefault() is { } refund) return refund;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No refunded_payment in the chat: " + chat.ToJsonString());
            await Task.Delay(200);
        }
    }
}
