using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

public sealed class SubscriptionTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private async Task<SubscriptionView?> CurrentAsync(long player)
    {
        await using var scope = Core.Scope();
        return await scope.Get<Subscriptions>().CurrentAsync(player);
    }

    private async Task<bool> SetCanceledAsync(long player, Guid purchase, bool canceled)
    {
        await using var scope = Core.Scope();
        return await scope.Get<Subscriptions>().SetCanceledAsync(player, purchase, canceled);
    }

    private async Task<(long Player, long Telegram, InvoiceDraft Invoice, PaymentReceived Payment, Guid Purchase)> SubscribeAsync()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, "premium-30");
        var payment = EconomyKit.Payment(telegram, invoice) with
        {
            IsRecurring = true, IsFirstRecurring = true, SubscriptionExpiresAt = Time.GetUtcNow().AddDays(30),
        };
        var confirmed = await Kit.ConfirmAsync(payment);
        Assert.Equal(ConfirmOutcome.Granted, confirmed.Outcome);
        return (player, telegram, invoice, payment, confirmed.PurchaseId!.Value);
    }

    [Fact]
    public async Task The_first_subscription_payment_is_current_and_renewal_can_be_stopped_and_resumed()
    {
        var start = Time.GetUtcNow();
        var (player, telegram, _, payment, purchase) = await SubscribeAsync();

        Assert.Equal(new SubscriptionView(purchase, telegram, payment.TelegramPaymentChargeId, start.AddDays(30), false), await CurrentAsync(player));

        Time.Advance(TimeSpan.FromDays(3));
        Assert.True(await SetCanceledAsync(player, purchase, true));
        Assert.True((await CurrentAsync(player))!.Canceled);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(Time.GetUtcNow(), (await db.Purchases.SingleAsync(p => p.Id == purchase)).SubscriptionCanceledAt);
        }
        Assert.Equal(start.AddDays(30), (await Kit.HoldingsAsync(player)).PremiumUntil);

        Assert.True(await SetCanceledAsync(player, purchase, false));
        Assert.False((await CurrentAsync(player))!.Canceled);

        Time.Advance(TimeSpan.FromDays(27));
        Assert.Null(await CurrentAsync(player));
    }

    [Fact]
    public async Task A_renewal_extends_Premium_by_thirty_days_and_becomes_the_current_subscription()
    {
        var start = Time.GetUtcNow();
        var (player, telegram, invoice, firstPayment, first) = await SubscribeAsync();
        Assert.True(await SetCanceledAsync(player, first, true));
        Assert.True(await SetCanceledAsync(player, first, false));
        Time.Advance(TimeSpan.FromDays(29));

        var renewal = EconomyKit.Payment(telegram, invoice) with { IsRecurring = true, SubscriptionExpiresAt = start.AddDays(60) };
        var renewed = await Kit.ConfirmAsync(renewal);

        Assert.Equal(ConfirmOutcome.Granted, renewed.Outcome);
        Assert.NotEqual(first, renewed.PurchaseId);
        Assert.Equal(start.AddDays(60), (await Kit.HoldingsAsync(player)).PremiumUntil);
        // Telegram names the subscription by its first payment's charge id, also after renewals.
        Assert.Equal(new SubscriptionView(renewed.PurchaseId!.Value, telegram, firstPayment.TelegramPaymentChargeId, start.AddDays(60), false), await CurrentAsync(player));

        Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(renewed.PurchaseId, (await CurrentAsync(player))!.PurchaseId);
        Assert.True(await SetCanceledAsync(player, renewed.PurchaseId.Value, true));
        Assert.True((await CurrentAsync(player))!.Canceled);
        await Kit.AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task Another_players_or_a_non_subscription_purchase_cannot_be_canceled()
    {
        var (player, _, _, _, purchase) = await SubscribeAsync();
        var (stranger, strangerTelegram) = await Kit.NewPlayerAsync();
        var games = (await Kit.ConfirmAsync(EconomyKit.Payment(strangerTelegram, await Kit.InvoiceAsync(stranger, "spiele-10")))).PurchaseId!.Value;

        Assert.False(await SetCanceledAsync(stranger, purchase, true));
        Assert.False(await SetCanceledAsync(stranger, games, true));
        Assert.False(await SetCanceledAsync(player, Guid.NewGuid(), true));

        Assert.False((await CurrentAsync(player))!.Canceled);
        Assert.Null(await CurrentAsync(stranger));
        await using var db = Database.CreateContext();
        Assert.False(await db.Purchases.AnyAsync(p => (p.Id == purchase || p.Id == games) && p.SubscriptionCanceledAt != null));
    }

    [Fact]
    public async Task A_refunded_subscription_is_no_longer_current()
    {
        var (player, _, _, payment, purchase) = await SubscribeAsync();
        Assert.NotNull(await CurrentAsync(player));

        Assert.Equal(RefundOutcome.Requested, await Kit.RequestRefundAsync(purchase));
        Assert.Equal(RefundOutcome.Completed, await Kit.CompleteRefundAsync(payment.TelegramPaymentChargeId));

        Assert.Null(await CurrentAsync(player));
        Assert.Null((await Kit.HoldingsAsync(player)).PremiumUntil);
    }
}
