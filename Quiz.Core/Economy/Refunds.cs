using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Economy;

public enum RefundOutcome
{
    Requested,
    Completed,

    /// <summary>Refunded before; nothing changed.</summary>
    AlreadyRefunded,

    /// <summary>A refund is already on its way.</summary>
    AlreadyRequested,
    NotFound,

    /// <summary>Telegram refused it: the purchase is <see cref="PurchaseStatus.RefundFailed"/> now (or was already, for this attempt).</summary>
    Failed,

    /// <summary>A request while the last refund stands failed: that one is retried (<see cref="Refunds.RetryAsync"/>), not requested anew.</summary>
    FailedBefore,

    /// <summary>The failed refund is requested again under a new attempt.</summary>
    Retried,

    /// <summary>An operator closed the alert of the failed refund.</summary>
    Resolved,

    /// <summary>Retry or resolve of a refund that does not stand failed (e.g. a second click): nothing changed.</summary>
    NotFailed,

    /// <summary>A refusal of an older attempt, after an operator retried: nothing changed.</summary>
    Stale,
}

/// <summary>
/// Payload of <see cref="OutboxKinds.RefundStarPayment"/>: the bot calls refundStarPayment, then <see cref="Refunds.CompleteAsync"/>
/// or, when Telegram refuses for good, <see cref="Refunds.FailAsync"/> for this <paramref name="Attempt"/>.
/// </summary>
public sealed record RefundCommand(Guid PurchaseId, long TelegramUserId, string TelegramPaymentChargeId, int Attempt = 0);

/// <summary>
/// Refunds: an operator (or support) requests one → a command in the outbox that the bot layer
/// executes with refundStarPayment → completion revokes what is left of the grant with ledger rows
/// and marks the purchase refunded. Each step locks the purchase row; completion is idempotent
/// (Telegram's refunded_payment and CHARGE_ALREADY_REFUNDED both end here). A definitive refusal ends
/// in <see cref="PurchaseStatus.RefundFailed"/>, which an admin retries or resolves (Refunds.Failures.cs).
/// </summary>
public sealed partial class Refunds(QuizDbContext db, TimeProvider time)
{
    public async Task<RefundOutcome> RequestAsync(Guid purchaseId, string reason, string requestedBy, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var purchase = await LockAsync($"SELECT * FROM purchases WHERE id = {purchaseId} FOR UPDATE", ct);
        if (purchase is null) return RefundOutcome.NotFound;
        if (purchase.Status == PurchaseStatus.Refunded) return RefundOutcome.AlreadyRefunded;
        if (purchase.Status == PurchaseStatus.RefundRequested) return RefundOutcome.AlreadyRequested;
        if (purchase.Status == PurchaseStatus.RefundFailed) return RefundOutcome.FailedBefore;
        purchase.Status = PurchaseStatus.RefundRequested;
        purchase.RefundReason = reason;
        purchase.RefundRequestedBy = requestedBy;
        purchase.RefundRequestedAt = now;
        await EnqueueCommandAsync(purchase, now, ct);
        AuditLog.Record(db, requestedBy, AuditActions.RefundRequested, AuditLog.Purchase(purchase.Id), reason, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundOutcome.Requested;
    }

    /// <summary>Telegram refunded the charge: revoke what is left of the grant, exactly once.</summary>
    public async Task<RefundOutcome> CompleteAsync(string telegramPaymentChargeId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var purchase = await LockAsync($"SELECT * FROM purchases WHERE telegram_payment_charge_id = {telegramPaymentChargeId} FOR UPDATE", ct);
        if (purchase is null) return RefundOutcome.NotFound;
        if (purchase.Status == PurchaseStatus.Refunded) return RefundOutcome.AlreadyRefunded;

        var invoice = purchase.InvoiceId is { } id ? await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) : null;
        var granted = await db.LedgerEntries.AnyAsync(l => l.PurchaseId == purchase.Id && l.Reason == LedgerReason.Purchase, ct);
        if (granted && invoice is not null)
        {
            var items = invoice.Contents.Items().ToList();
            await Wallet.LockInOrderAsync(db, items.Select(i => (purchase.PlayerId, i.Kind)), now, ct);
            foreach (var (kind, amount) in items)
            {
                await Wallet.RevokeAsync(db, purchase.PlayerId, kind, amount, $"refund:{telegramPaymentChargeId}:{EnumColumns.ToColumn(kind)}", purchase.Id, now, ct);
            }
        }
        purchase.Status = PurchaseStatus.Refunded;
        purchase.RefundedAt = now;
        var stars = purchase.AmountStars;
        CommittedFacts.Add(db, m => m.Refunded(stars));
        // Telegram may confirm a refund that it refused before (e.g. done by its support): the alert ends with it.
        ClearFailure(purchase);
        AuditLog.Record(db, AuditActors.Telegram, AuditActions.Refunded, AuditLog.Purchase(purchase.Id),
            granted ? "Nicht Verbrauchtes ausgebucht" : "Nichts gutgeschrieben, nichts auszubuchen", now);
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, await db.Players.Where(p => p.Id == purchase.PlayerId).Select(p => p.TelegramUserId).SingleAsync(ct),
            new NoticePayload(EconomyNotices.Refunded, SubjectId: purchase.Id), now, idempotencyKey: $"refund-notice:{purchase.Id:N}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundOutcome.Completed;
    }

    private async Task<Purchase?> LockAsync(FormattableString sql, CancellationToken ct) =>
        (await db.Purchases.FromSqlInterpolated(sql).ToListAsync(ct)).SingleOrDefault();
}
