using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy;

/// <summary>The player's running Premium subscription: its latest payment, the charge id Telegram names it by, and whether the bot stopped renewal.</summary>
public sealed record SubscriptionView(Guid PurchaseId, long TelegramUserId, string ChargeId, DateTimeOffset PaidUntil, bool Canceled);

/// <summary>
/// Premium is a 30-day Stars subscription. Telegram renews it with a new successful_payment
/// (is_recurring) until it is cancelled; the bot layer cancels or re-enables renewal with
/// editUserStarSubscription and records the choice here, so <c>/profil</c> can show it.
/// </summary>
public sealed class Subscriptions(QuizDbContext db, TimeProvider time)
{
    /// <summary>
    /// The latest completed subscription payment still running; null without one. Its
    /// <see cref="SubscriptionView.ChargeId"/> is the chain's FIRST payment (renewals share the
    /// invoice): Telegram names a subscription by the charge id of its first payment.
    /// </summary>
    public async Task<SubscriptionView?> CurrentAsync(long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var latest = await db.Purchases.AsNoTracking()
            .Where(p => p.PlayerId == playerId && p.IsRecurring && p.Status == PurchaseStatus.Completed && p.SubscriptionExpiresAt > now)
            .OrderByDescending(p => p.SubscriptionExpiresAt)
            .Join(db.Players, p => p.PlayerId, pl => pl.Id, (p, pl) => new { p.Id, p.InvoiceId, p.TelegramPaymentChargeId, p.SubscriptionExpiresAt, p.SubscriptionCanceledAt, pl.TelegramUserId })
            .FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var first = latest.InvoiceId is { } invoice
            ? await db.Purchases.Where(p => p.InvoiceId == invoice && p.IsRecurring).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .Select(p => p.TelegramPaymentChargeId).FirstAsync(ct)
            : latest.TelegramPaymentChargeId;
        return new SubscriptionView(latest.Id, latest.TelegramUserId, first, latest.SubscriptionExpiresAt!.Value, latest.SubscriptionCanceledAt != null);
    }

    /// <summary>Records that Telegram accepted the cancellation (or the re-enabling) of the renewal.</summary>
    public async Task<bool> SetCanceledAsync(long playerId, Guid purchaseId, bool canceled, CancellationToken ct = default)
    {
        DateTimeOffset? at = canceled ? time.GetUtcNow() : null;
        return await db.Purchases
            .Where(p => p.Id == purchaseId && p.PlayerId == playerId && p.IsRecurring)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubscriptionCanceledAt, at), ct) == 1;
    }
}
