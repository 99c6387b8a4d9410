using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

public sealed class PurchaseTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    [Fact]
    public async Task Fifty_concurrent_deliveries_of_one_payment_grant_exactly_once_in_every_round()
    {
        for (var round = 0; round < 10; round++)
        {
            var (player, telegram) = await Kit.NewPlayerAsync();
            var invoice = await Kit.InvoiceAsync(player, "spiele-10");
            var payment = EconomyKit.Payment(telegram, invoice);
            var results = await StartLine.RunAsync(50, async line =>
            {
                await using var scope = Core.Scope();
                await scope.Db.Database.OpenConnectionAsync();
                await line.ArriveAsync();
                return await scope.Get<PurchaseConfirmation>().ConfirmAsync(payment);
            });

            Assert.Equal(1, results.Count(r => r.Outcome == ConfirmOutcome.Granted));
            Assert.Equal(49, results.Count(r => r.Outcome == ConfirmOutcome.Duplicate));
            Assert.Single(results.Select(r => r.PurchaseId).Distinct());
            await using var check = Database.CreateContext();
            Assert.Equal(1, await check.Purchases.CountAsync(p => p.TelegramPaymentChargeId == payment.TelegramPaymentChargeId));
            Assert.Equal(1, await check.LedgerEntries.CountAsync(l => l.PlayerId == player));
            Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"purchase-notice:{payment.TelegramPaymentChargeId}"));
            Assert.Equal(10, (await Kit.HoldingsAsync(player)).Games);
        }
        await Kit.AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task Pre_checkout_refuses_every_mutation_of_the_invoice()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var (_, stranger) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, "joker-5");

        Assert.Equal(PreCheckoutVerdict.Ok, await Kit.PreCheckoutAsync(telegram, invoice.Payload, "XTR", invoice.PriceStars));
        Assert.Equal(PreCheckoutVerdict.WrongAmount, await Kit.PreCheckoutAsync(telegram, invoice.Payload, "XTR", invoice.PriceStars - 1));
        Assert.Equal(PreCheckoutVerdict.WrongCurrency, await Kit.PreCheckoutAsync(telegram, invoice.Payload, "EUR", invoice.PriceStars));
        Assert.Equal(PreCheckoutVerdict.UnknownInvoice, await Kit.PreCheckoutAsync(telegram, invoice.Payload + "x", "XTR", invoice.PriceStars));
        Assert.Equal(PreCheckoutVerdict.WrongPlayer, await Kit.PreCheckoutAsync(stranger, invoice.Payload, "XTR", invoice.PriceStars));

        await using (var db = Database.CreateContext())
        {
            await db.Packages.Where(p => p.Id == "joker-5").ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        }
        Assert.Equal(PreCheckoutVerdict.PackageInactive, await Kit.PreCheckoutAsync(telegram, invoice.Payload, "XTR", invoice.PriceStars));
        await using (var db = Database.CreateContext())
        {
            await db.Packages.Where(p => p.Id == "joker-5").ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true));
        }

        Time.Advance(Invoice.Lifetime);
        Assert.Equal(PreCheckoutVerdict.Expired, await Kit.PreCheckoutAsync(telegram, invoice.Payload, "XTR", invoice.PriceStars));
    }

    [Fact]
    public async Task Mutated_payments_are_flagged_and_never_granted()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var (strangerId, stranger) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, "extra-leben-3");
        var good = EconomyKit.Payment(telegram, invoice);
        var mutations = new[]
        {
            good with { TelegramPaymentChargeId = "m1-" + Guid.NewGuid(), TotalAmount = 1 },
            good with { TelegramPaymentChargeId = "m2-" + Guid.NewGuid(), Currency = "EUR" },
            good with { TelegramPaymentChargeId = "m3-" + Guid.NewGuid(), InvoicePayload = "inv_forged" },
            good with { TelegramPaymentChargeId = "m4-" + Guid.NewGuid(), TelegramUserId = stranger },
        };

        foreach (var mutated in mutations) Assert.Equal(ConfirmOutcome.Flagged, (await Kit.ConfirmAsync(mutated)).Outcome);

        Assert.Equal(Holdings.None, await Kit.HoldingsAsync(player));
        Assert.Equal(Holdings.None, await Kit.HoldingsAsync(strangerId));
        Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(good)).Outcome);
        Assert.Equal(3, (await Kit.HoldingsAsync(player)).ExtraLives);
        Assert.Equal(ConfirmOutcome.Flagged, (await Kit.ConfirmAsync(good with { TelegramPaymentChargeId = "again-" + Guid.NewGuid() })).Outcome);

        var expired = await Kit.InvoiceAsync(player, "extra-leben-3");
        Time.Advance(Invoice.Lifetime + TimeSpan.FromHours(1));
        Assert.Equal(ConfirmOutcome.Flagged, (await Kit.ConfirmAsync(EconomyKit.Payment(telegram, expired))).Outcome);
        Assert.Equal(3, (await Kit.HoldingsAsync(player)).ExtraLives);

        await using var db = Database.CreateContext();
        Assert.Equal(6, await db.Purchases.CountAsync(p => p.Status == PurchaseStatus.Flagged && (p.PlayerId == player || p.PlayerId == strangerId)));
        var flaggedIds = await db.Purchases.Where(p => p.Status == PurchaseStatus.Flagged).Select(p => (Guid?)p.Id).ToListAsync();
        var notices = (await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Notice).ToListAsync()).Select(m => OutboxWriter.ReadPayload<NoticePayload>(m.Payload));
        Assert.Equal(6, notices.Count(n => n.Topic == EconomyNotices.PurchaseFlagged && flaggedIds.Contains(n.SubjectId)));
        await Kit.AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task Premium_renewals_extend_it_by_thirty_days_each_and_a_renewal_without_a_subscription_is_flagged()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, "premium-30");
        var first = EconomyKit.Payment(telegram, invoice) with { IsRecurring = true, IsFirstRecurring = true };
        Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(first)).Outcome);
        Assert.Equal(Time.GetUtcNow().AddDays(30), (await Kit.HoldingsAsync(player)).PremiumUntil);

        Time.Advance(TimeSpan.FromDays(30));
        var renewal = EconomyKit.Payment(telegram, invoice) with { IsRecurring = true };
        Assert.Equal(ConfirmOutcome.Granted, (await Kit.ConfirmAsync(renewal)).Outcome);
        Assert.Equal(ConfirmOutcome.Duplicate, (await Kit.ConfirmAsync(renewal)).Outcome);
        Assert.Equal(Time.GetUtcNow().AddDays(30), (await Kit.HoldingsAsync(player)).PremiumUntil);

        var other = await Kit.InvoiceAsync(player, "spiele-10");
        Assert.Equal(ConfirmOutcome.Flagged, (await Kit.ConfirmAsync(EconomyKit.Payment(telegram, other) with { IsRecurring = true })).Outcome);
    }
}
