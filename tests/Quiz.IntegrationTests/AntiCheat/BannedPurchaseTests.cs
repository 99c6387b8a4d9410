using Quiz.Core.AntiCheat;
using Quiz.Core.Economy;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>A ban stops new purchases at pre-checkout; a payment Telegram delivers anyway is granted, and nothing bought is taken.</summary>
public sealed class BannedPurchaseTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private PlayerModeration Moderation => Core.Get<PlayerModeration>();

    [Fact]
    public async Task A_banned_player_is_refused_at_pre_checkout_gets_no_new_invoice_and_loses_nothing_bought_or_already_paid()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "joker-5")))).Outcome);
        var bought = await Kit.HoldingsAsync(player);
        var paying = await Kit.InvoiceAsync(player, "joker-5");
        Assert.Equal(PreCheckoutVerdict.Ok, await Kit.PreCheckoutAsync(telegram, paying.Payload, "XTR", paying.PriceStars));
        var pending = await Kit.InvoiceAsync(player, "joker-5");

        Assert.Equal(ModerationResult.Done, await Moderation.BanAsync(player, "Rückbuchungsbetrug", "Anna Admin"));

        Assert.Equal(PreCheckoutVerdict.Banned, await Kit.PreCheckoutAsync(telegram, pending.Payload, "XTR", pending.PriceStars));
        await using (var scope = Core.Scope())
        {
            Assert.Null(await scope.Get<Shop>().InitPurchaseAsync(player, "joker-5"));
        }
        Assert.Equal(bought, await Kit.HoldingsAsync(player));
        // The payment that passed pre-checkout before the ban arrives anyway: accepted is accepted.
        Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(EconomyKit.Payment(telegram, paying))).Outcome);
        var afterPayment = await Kit.HoldingsAsync(player);
        Assert.Equal(bought.Jokers * 2, afterPayment.Jokers);

        await Moderation.UnbanAsync(player, "Einspruch berechtigt", "Anna Admin");
        Assert.Equal(PreCheckoutVerdict.Ok, await Kit.PreCheckoutAsync(telegram, pending.Payload, "XTR", pending.PriceStars));
        Assert.Equal(afterPayment, await Kit.HoldingsAsync(player));
        await Kit.AssertLedgerBalancesAsync();
    }
}
