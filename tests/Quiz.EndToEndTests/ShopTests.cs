using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;

namespace Quiz.EndToEndTests;

/// <summary>Buying with Telegram Stars in the sandbox: invoice, pre-checkout, payment, grant, thank-you.</summary>
[Collection(AppModelCollection.Name)]
public sealed class ShopTests(AppModelFixture fixture)
{
    [Fact]
    public async Task A_player_buys_ten_games_and_premium_and_each_is_granted_once()
    {
        var pia = await ChatPlayer.CreateAsync(fixture, "Pia");
        await pia.SayAsync("/shop");
        var shop = await pia.MessageAsync("Shop");
        Assert.Contains("shop:buy:spiele-10", ChatPlayer.Buttons(shop));

        Assert.Null((await pia.PressAsync(shop, "shop:buy:spiele-10")).Text);
        var invoice = await pia.InvoiceMessageAsync();
        var paid = await pia.PayAsync(invoice);
        Assert.Equal("paid", paid.Status);
        var thanks = await pia.MessageAsync("Danke für Deinen Kauf");
        Assert.Contains("10 Spiele", thanks.Text);

        Assert.Null((await pia.PressAsync(shop, "shop:buy:premium-30")).Text);
        var offer = await pia.MessageAsync("Premium ist ein Abo");
        var link = ChatPlayer.Buttons(offer).Single(b => b.StartsWith("https://", StringComparison.Ordinal));
        Assert.Equal("paid", (await pia.PayLinkAsync(link)).Status);
        await pia.MessageAsync("Premium bis");

        await using var db = fixture.Database();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == pia.User.UserId);
        Assert.Equal(2, await db.Purchases.CountAsync(p => p.PlayerId == player.Id && p.Status == PurchaseStatus.Completed));
        Assert.Equal(10, await db.Entitlements.Where(e => e.PlayerId == player.Id && e.Kind == AssetKind.GameCredit).Select(e => e.Uses).SingleAsync());
        Assert.True(await db.Entitlements.AnyAsync(e => e.PlayerId == player.Id && e.Kind == AssetKind.Premium && e.ValidUntil > DateTimeOffset.UtcNow.AddDays(29)));
    }
}
