using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Economy;

/// <summary>A successful_payment as Core sees it (no Telegram types).</summary>
public sealed record PaymentReceived(
    long TelegramUserId,
    string InvoicePayload,
    string Currency,
    long TotalAmount,
    string TelegramPaymentChargeId,
    string? ProviderPaymentChargeId = null,
    bool IsRecurring = false,
    bool IsFirstRecurring = false,
    DateTimeOffset? SubscriptionExpiresAt = null);

public enum ConfirmOutcome
{
    Granted,

    /// <summary>This charge was confirmed before; nothing changed.</summary>
    Duplicate,

    /// <summary>Recorded but not granted: it did not match its invoice. Operators see it and refund.</summary>
    Flagged,
    UnknownPlayer,
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, Guid? PurchaseId = null, string? FlagReason = null);

/// <summary>
/// The <c>ConfirmPurchase</c> use-case, in ONE transaction: the purchase (unique Telegram charge
/// id), the entitlements with their ledger rows (unique idempotency keys) and the thank-you notice
/// in the outbox. A redelivery, a retry after a crash or 50 parallel deliveries grant exactly once:
/// the losing insert waits for the winner and then does nothing; a crash rolls everything back.
/// </summary>
public sealed class PurchaseConfirmation(QuizDbContext db, TimeProvider time)
{
    public async Task<ConfirmResult> ConfirmAsync(PaymentReceived payment, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var playerId = await db.Players.Where(p => p.TelegramUserId == payment.TelegramUserId).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        if (playerId is null) return new ConfirmResult(ConfirmOutcome.UnknownPlayer);

        // The invoice row lock serialises deliveries for one invoice; the charge id's unique index decides duplicates.
        // Lock, then read: EF 10 maps a complex property's columns only in LINQ queries, not in FromSql results.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM invoices WHERE payload = {payment.InvoicePayload} FOR UPDATE", ct);
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Payload == payment.InvoicePayload, ct);
        var renewal = payment.IsRecurring && !payment.IsFirstRecurring;
        var flag = await FlagAsync(invoice, playerId.Value, payment, renewal, now, ct);
        var purchaseId = Guid.CreateVersion7(now);
        var status = EnumColumns.ToColumn(flag is null ? PurchaseStatus.Completed : PurchaseStatus.Flagged);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO purchases (id, invoice_id, player_id, package_id, amount_stars, currency, telegram_payment_charge_id,
                provider_payment_charge_id, is_recurring, subscription_expires_at, status, flag_reason, created_at)
            VALUES ({purchaseId}, {invoice?.Id}, {playerId.Value}, {invoice?.PackageId}, {(int)Math.Clamp(payment.TotalAmount, 1, int.MaxValue)}, {payment.Currency},
                {payment.TelegramPaymentChargeId}, {payment.ProviderPaymentChargeId}, {payment.IsRecurring}, {payment.SubscriptionExpiresAt},
                {status}, {flag}, {now})
            ON CONFLICT (telegram_payment_charge_id) DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            var existing = await db.Purchases.Where(p => p.TelegramPaymentChargeId == payment.TelegramPaymentChargeId).Select(p => p.Id).SingleAsync(ct);
            return new ConfirmResult(ConfirmOutcome.Duplicate, existing);
        }
        var product = invoice is null ? "unknown" : renewal ? "renewal" : invoice.IsSubscription ? "subscription" : "package";
        var stars = (int)Math.Clamp(payment.TotalAmount, 1, int.MaxValue);
        CommittedFacts.Add(db, m => m.PurchaseRecorded(product, flag is null ? "granted" : "flagged", stars));

        var chat = payment.TelegramUserId;
        if (flag is not null)
        {
            OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(EconomyNotices.PurchaseFlagged, SubjectId: purchaseId), now,
                idempotencyKey: $"purchase-notice:{payment.TelegramPaymentChargeId}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ConfirmResult(ConfirmOutcome.Flagged, purchaseId, flag);
        }

        var items = invoice!.Contents.Items().ToList();
        await Wallet.LockInOrderAsync(db, items.Select(i => (playerId.Value, i.Kind)), now, ct);
        foreach (var (kind, amount) in items)
        {
            await Wallet.GrantAsync(db, playerId.Value, kind, amount, LedgerReason.Purchase,
                $"purchase:{payment.TelegramPaymentChargeId}:{EnumColumns.ToColumn(kind)}", purchaseId, now, ct);
        }
        await db.Invoices.Where(i => i.Id == invoice.Id && i.PaidAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.PaidAt, now), ct);
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat,
            new NoticePayload(renewal ? EconomyNotices.SubscriptionRenewed : EconomyNotices.PurchaseCompleted, SubjectId: purchaseId), now,
            idempotencyKey: $"purchase-notice:{payment.TelegramPaymentChargeId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ConfirmResult(ConfirmOutcome.Granted, purchaseId);
    }

    /// <summary>Why this payment must not be granted (a <see cref="PurchaseFlags"/> code), or null when it matches its invoice.</summary>
    private async Task<string?> FlagAsync(Invoice? invoice, long playerId, PaymentReceived payment, bool renewal, DateTimeOffset now, CancellationToken ct)
    {
        if (invoice is null) return PurchaseFlags.UnknownInvoice;
        if (invoice.PlayerId != playerId) return PurchaseFlags.OtherPayer;
        if (payment.Currency != invoice.Currency) return PurchaseFlags.Mismatch(PurchaseFlags.Currency, payment.Currency, invoice.Currency);
        if (payment.TotalAmount != invoice.PriceStars) return PurchaseFlags.Mismatch(PurchaseFlags.Amount, payment.TotalAmount, invoice.PriceStars);
        if (renewal)
        {
            var subscribed = invoice.IsSubscription && await db.Purchases.AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == PurchaseStatus.Completed, ct);
            return subscribed ? null : PurchaseFlags.RenewalWithoutSubscription;
        }
        if (invoice.PaidAt is not null) return PurchaseFlags.AlreadyPaid;
        if (now >= invoice.ExpiresAt + TimeSpan.FromMinutes(5)) return PurchaseFlags.Expired;
        return null;
    }
}

/// <summary>Topics of the economy's player notices (rendered in German by the bot).</summary>
public static class EconomyNotices
{
    public const string PurchaseCompleted = "economy.purchase_completed";
    public const string SubscriptionRenewed = "economy.subscription_renewed";
    public const string PurchaseFlagged = "economy.purchase_flagged";
    public const string Refunded = "economy.refunded";

    /// <summary>An operator closed a /paysupport case (SubjectId: the case); the bot sends the reply.</summary>
    public const string SupportClosed = "economy.support_closed";
}
