using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Economy;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>Players, invoices and payments for the economy tests, on the class's own database.</summary>
public sealed class EconomyKit(PostgresDatabase database, FakeTimeProvider time)
{
    private static long nextCharge;

    public async Task<(long PlayerId, long TelegramUserId)> NewPlayerAsync()
    {
        var telegram = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await new PlayerDirectory(database.CreateFactory(), time).TouchAsync(new PlayerIdentity(telegram, "Ida", null, "de"));
        return (player.Id, telegram);
    }

    public async Task<InvoiceDraft> InvoiceAsync(long playerId, string packageId)
    {
        await using var db = database.CreateContext();
        return (await new Shop(db, time).InitPurchaseAsync(playerId, packageId))!;
    }

    public static PaymentReceived Payment(long telegramUserId, InvoiceDraft invoice, string? charge = null) =>
        new(telegramUserId, invoice.Payload, Package.Currency, invoice.PriceStars, charge ?? $"charge-{Interlocked.Increment(ref nextCharge)}-{Guid.NewGuid():N}");

    public async Task<ConfirmResult> ConfirmAsync(PaymentReceived payment)
    {
        await using var db = database.CreateContext();
        return await new PurchaseConfirmation(db, time).ConfirmAsync(payment);
    }

    public async Task<Holdings> HoldingsAsync(long playerId)
    {
        await using var db = database.CreateContext();
        return await new Shop(db, time).HoldingsAsync(playerId);
    }

    public async Task<PreCheckoutVerdict> PreCheckoutAsync(long telegramUserId, string payload, string currency, int amount)
    {
        await using var db = database.CreateContext();
        return await new Shop(db, time).ValidatePreCheckoutAsync(telegramUserId, payload, currency, amount);
    }

    public async Task<RefundOutcome> RequestRefundAsync(Guid purchase)
    {
        await using var db = database.CreateContext();
        return await new Refunds(db, time).RequestAsync(purchase, "Test", "tester");
    }

    public async Task<RefundOutcome> CompleteRefundAsync(string charge)
    {
        await using var db = database.CreateContext();
        return await new Refunds(db, time).CompleteAsync(charge);
    }

    /// <summary>The ledger explains every holding: per player and asset, the sum of deltas equals the uses held.</summary>
    public async Task AssertLedgerBalancesAsync()
    {
        await using var db = database.CreateContext();
        var sums = await db.LedgerEntries.Where(l => l.Kind != AssetKind.Premium)
            .GroupBy(l => new { l.PlayerId, l.Kind }).Select(g => new { g.Key.PlayerId, g.Key.Kind, Sum = g.Sum(l => l.Delta) }).ToListAsync();
        var holdings = await db.Entitlements.Where(e => e.Kind != AssetKind.Premium).ToListAsync();
        foreach (var h in holdings)
        {
            Assert.Equal(sums.SingleOrDefault(s => s.PlayerId == h.PlayerId && s.Kind == h.Kind)?.Sum ?? 0, h.Uses);
        }
        Assert.All(sums, s => Assert.Contains(holdings, h => h.PlayerId == s.PlayerId && h.Kind == s.Kind));
    }
}
