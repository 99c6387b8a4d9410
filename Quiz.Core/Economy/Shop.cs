using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy;

/// <summary>What the bot needs to send an invoice (sendInvoice, or createInvoiceLink for a subscription).</summary>
public sealed record InvoiceDraft(string Payload, string Title, string Description, int PriceStars, bool IsSubscription);

public enum PreCheckoutVerdict
{
    Ok,
    UnknownInvoice,
    WrongPlayer,
    Expired,
    PackageInactive,
    WrongAmount,
    WrongCurrency,
    AlreadyPaid,

    /// <summary>The player is banned: no new purchase (a payment Telegram delivers anyway is still granted).</summary>
    Banned,
}

/// <summary>
/// The use-cases <c>ListPackages</c> and <c>InitPurchase</c>, and the pre-checkout check: one
/// indexed read, so Telegram's 10-second deadline is never at risk.
/// </summary>
public sealed class Shop(QuizDbContext db, TimeProvider time)
{
    public Task<List<Package>> ListPackagesAsync(CancellationToken ct = default) =>
        db.Packages.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>Stores an invoice with an opaque payload and a snapshot of price and contents; null if the package is not for sale.</summary>
    public async Task<InvoiceDraft?> InitPurchaseAsync(long playerId, string packageId, CancellationToken ct = default)
    {
        var package = await db.Packages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId && p.IsActive, ct);
        // The bot does not route a banned player's press here; a ban that lands in between still creates no invoice.
        if (package is null || await db.Players.AnyAsync(p => p.Id == playerId && p.BannedAt != null, ct)) return null;
        var now = time.GetUtcNow();
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(now),
            Payload = "inv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            PlayerId = playerId,
            PackageId = package.Id,
            Title = package.Title,
            PriceStars = package.PriceStars,
            Contents = package.Contents,
            IsSubscription = package.IsSubscription,
            CreatedAt = now,
            ExpiresAt = now + Invoice.Lifetime,
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        return new InvoiceDraft(invoice.Payload, package.Title, package.Description, package.PriceStars, package.IsSubscription);
    }

    /// <summary>Checks a pre-checkout query against the stored invoice: same player, not banned, not expired or paid, package still active, same amount and currency.</summary>
    public async Task<PreCheckoutVerdict> ValidatePreCheckoutAsync(long telegramUserId, string payload, string currency, long totalAmount, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var row = await db.Invoices.AsNoTracking().Where(i => i.Payload == payload)
            .Select(i => new
            {
                i.PriceStars, i.Currency, i.ExpiresAt, i.PaidAt,
                Player = db.Players.Where(p => p.Id == i.PlayerId).Select(p => new { p.TelegramUserId, Banned = p.BannedAt != null }).Single(),
                Active = db.Packages.Any(p => p.Id == i.PackageId && p.IsActive),
            })
            .SingleOrDefaultAsync(ct);
        return row switch
        {
            null => PreCheckoutVerdict.UnknownInvoice,
            _ when row.Player.TelegramUserId != telegramUserId => PreCheckoutVerdict.WrongPlayer,
            _ when row.Player.Banned => PreCheckoutVerdict.Banned,
            _ when row.PaidAt is not null => PreCheckoutVerdict.AlreadyPaid,
            _ when now >= row.ExpiresAt => PreCheckoutVerdict.Expired,
            _ when !row.Active => PreCheckoutVerdict.PackageInactive,
            _ when currency != row.Currency => PreCheckoutVerdict.WrongCurrency,
            _ when totalAmount != row.PriceStars => PreCheckoutVerdict.WrongAmount,
            _ => PreCheckoutVerdict.Ok,
        };
    }

    /// <summary>The title of what a purchase bought (for notices), or null when unknown.</summary>
    public Task<string?> PurchaseTitleAsync(Guid purchaseId, CancellationToken ct = default) =>
        db.Purchases.Where(p => p.Id == purchaseId)
            .Select(p => db.Invoices.Where(i => i.Id == p.InvoiceId).Select(i => i.Title).FirstOrDefault() ?? p.PackageId)
            .SingleOrDefaultAsync(ct);

    public Task<long?> PurchaseOwnerAsync(Guid purchaseId, CancellationToken ct = default) =>
        db.Purchases.Where(p => p.Id == purchaseId).Select(p => (long?)p.PlayerId).SingleOrDefaultAsync(ct);

    public async Task<Holdings> HoldingsAsync(long playerId, CancellationToken ct = default) =>
        await Wallet.HoldingsAsync(db, playerId, time.GetUtcNow(), ct);
}
