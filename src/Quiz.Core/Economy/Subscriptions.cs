using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy;

/// <summary>The player's running Premium subscription: the latest payment of it and whether renewal is stopped.</summary>
public sealed record SubscriptionView(Guid PurchaseId, long TelegramUserId, string ChargeId, DateTimeOffset PaidUntil, bool Canceled);

/// <summary>
/// Premium is a 30-day Stars subscription. Telegram renews it with a new successful_payment
/// (is_recurring) until it is cancelled; the bot layer cancels or re-enables renewal with
/// editUserStarSubscription and records the choice here, so <c>/profil</c> can show it.
/// </summary>
public sealed class Subscriptions(QuizDbContext db, TimeProvider time)
{
    /// <summary>The latest completed subscription payment still running; null without one.</summary>
    public async Task<SubscriptionView?> CurrentAsync(long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return await db.Purchases.AsNoTracking()
            .Where(p => p.PlayerId == playerId && p.IsRecurring && p.Status == PurchaseStatus.Completed && p.SubscriptionExpiresAt > now)
            .OrderByDescending(p => p.SubscriptionExpiresAt)
            .Join(db.Players, p => p.PlayerId, pl => pl.Id, (p, pl) => new SubscriptionView(
                p.Id, pl.TelegramUserId, p.TelegramPaymentChargeId, p.SubscriptionExpiresAt!.Value, p.SubscriptionCanceledAt != null))
            .FirstOrDefaultAsync(ct);
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
