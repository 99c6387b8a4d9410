using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// Players, invoices and payments for the economy tests, on the class's own database, through Core's
/// registrations; each call runs in its own scope (own context), as an update would.
/// </summary>
public sealed class EconomyKit(CoreServices core)
{
    private static long nextCharge;

    public async Task<(long PlayerId, long TelegramUserId)> NewPlayerAsync()
    {
        var telegram = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Ida", null, "de"));
        return (player.Id, telegram);
    }

    public async Task<InvoiceDraft> InvoiceAsync(long playerId, string packageId)
    {
        await using var scope = core.Scope();
        return (await scope.Get<Shop>().InitPurchaseAsync(playerId, packageId))!;
    }

    public static PaymentReceived Payment(long telegramUserId, InvoiceDraft invoice, string? charge = null) =>
        new(telegramUserId, invoice.Payload, Package.Currency, invoice.PriceStars, charge ?? $"charge-{Interlocked.Increment(ref nextCharge)}-{Guid.NewGuid():N}");

    public async Task<ConfirmResult> ConfirmAsync(PaymentReceived payment)
    {
        await using var scope = core.Scope();
        return await scope.Get<PurchaseConfirmation>().ConfirmAsync(payment);
    }

    public async Task<Holdings> HoldingsAsync(long playerId)
    {
        await using var scope = core.Scope();
        return await scope.Get<Shop>().HoldingsAsync(playerId);
    }

    public async Task<PreCheckoutVerdict> PreCheckoutAsync(long telegramUserId, string payload, string currency, int amount)
    {
        await using var scope = core.Scope();
        return await scope.Get<Shop>().ValidatePreCheckoutAsync(telegramUserId, payload, currency, amount);
    }

    public async Task<RefundOutcome> RequestRefundAsync(Guid purchase)
    {
        await using var scope = core.Scope();
        return await scope.Get<Refunds>().RequestAsync(purchase, "Test", "tester");
    }

    public async Task<RefundOutcome> CompleteRefundAsync(string charge)
    {
        await using var scope = core.Scope();
        return await scope.Get<Refunds>().CompleteAsync(charge);
    }

    /// <summary>The ledger explains every holding: per player and asset, the sum of deltas equals the uses held.</summary>
    public async Task AssertLedgerBalancesAsync()
    {
        await using var scope = core.Scope();
        var db = scope.Db;
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
