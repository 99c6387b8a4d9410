using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Economy;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin pauses the Shop and Überleben under "Schalter" while a player has an invoice open and a run going: the invoice
/// is still paid and credited once, the run goes on, but /shop, the old shop and menu buttons answer kindly and a new
/// main menu leaves both out; switched on again in the console, /shop sells again.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleShopSwitchTests(AppModelFixture fixture)
{
    private const string ShopPaused = "⏸️ Der Shop ist gerade pausiert.";
    private const string SurvivalPaused = "⏸️ Überleben ist gerade pausiert.";
    private const string Buy = "shop:buy:spiele-10";
    private const string ShopIntro = "Tippe auf ein Paket";

    [Fact]
    public async Task Shop_and_Ueberleben_paused_in_the_console_stop_new_starts_while_an_open_invoice_and_a_running_run_go_on()
    {
        var sandbox = fixture.Sandbox();
        var player = await ChatPlayer.CreateAsync(fixture, $"Sven{Guid.NewGuid():N}"[..12]);
        await player.SayAsync("/start");
        var menu = await player.MessageAsync("willkommen bei Quiz");
        await player.SayAsync("/shop");
        var shop = await player.MessageAsync(ShopIntro);
        Assert.Null((await player.PressAsync(shop, Buy)).Text);
        var invoice = await player.InvoiceMessageAsync();
        var since = await player.LastCallAsync();
        // The console is open before the run starts: an Überleben question waits only AnswerLimitSeconds for its answer.
        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/schalter");
        Assert.Null((await player.PressAsync(menu, "game:survival")).Text);
        var first = await player.QuestionAsync(1, null);
        try
        {
            await SwitchAsync(console, "survival", on: false);
            await SwitchAsync(console, "shop", on: false);
            // The bot reads all switches at once: when its command menu has lost /shop, Überleben is paused there too.
            Assert.DoesNotContain("shop", await CommandMenus.WaitForAsync(sandbox, since, commands => !commands.Contains("shop")));

            // What was under way goes on: the run keeps asking, the invoice sent before the pause is paid and credited.
            await player.AnswerAsync(first, correct: true);
            await player.QuestionAsync(2, null);
            Assert.Equal("paid", (await player.PayAsync(invoice)).Status);
            await player.MessageAsync("Danke für Deinen Kauf");

            // Nothing new starts, and each refusal says why.
            await player.SayAsync("/shop");
            await player.MessageAsync(ShopPaused);
            Assert.StartsWith(ShopPaused, (await player.PressAsync(shop, Buy)).Text, StringComparison.Ordinal);
            Assert.StartsWith(ShopPaused, (await player.PressAsync(menu, "menu:shop")).Text, StringComparison.Ordinal);
            Assert.StartsWith(SurvivalPaused, (await player.PressAsync(menu, "game:survival")).Text, StringComparison.Ordinal);
            await player.SayAsync("/start");
            var fresh = await player.MessageAsync("willkommen bei Quiz", after: menu);
            Assert.DoesNotContain("menu:shop", ChatPlayer.Buttons(fresh));
            Assert.DoesNotContain("game:survival", ChatPlayer.Buttons(fresh));
            Assert.Contains("game:quick", ChatPlayer.Buttons(fresh));

            await using (var db = fixture.Database())
            {
                var id = await db.Players.Where(p => p.TelegramUserId == player.User.UserId).Select(p => p.Id).SingleAsync();
                Assert.Equal(1, await db.Purchases.CountAsync(p => p.PlayerId == id && p.Status == PurchaseStatus.Completed));
                Assert.Equal(10, await db.Entitlements.Where(e => e.PlayerId == id && e.Kind == AssetKind.GameCredit).Select(e => e.Uses).SingleAsync());
            }

            // Switched on again in the console: the command menu offers /shop and /shop sells.
            await SwitchAsync(console, "survival", on: true);
            await SwitchAsync(console, "shop", on: true);
            Assert.Contains("shop", await CommandMenus.WaitForAsync(sandbox, since, commands => commands.Contains("shop")));
            await player.SayAsync("/shop");
            var reopened = await player.MessageAsync(ShopIntro, after: shop);
            Assert.Contains(Buy, ChatPlayer.Buttons(reopened));
        }
        finally
        {
            // Through the admin API, which tells the bots at once: the tests after this one find both open and the menu settled.
            await AdminScript.SendAsync(fixture, HttpMethod.Put, "/admin/features", new { shop = true, survival = true });
        }
    }

    private static async Task SwitchAsync(ConsoleBrowser console, string key, bool on)
    {
        var toggle = console.Page.Locator($".schalter-{key} input");
        await toggle.ClickAsync(new LocatorClickOptions { Force = true });
        if (on) await Assertions.Expect(toggle).ToBeCheckedAsync();
        else await Assertions.Expect(toggle).Not.ToBeCheckedAsync();
    }
}
