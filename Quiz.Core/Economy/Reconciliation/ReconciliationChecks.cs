using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>
/// The comparisons of one reconciliation step, on the caller's context and transaction. Every
/// query is bounded by the chunk (charge ids through their unique index) or by the differences
/// themselves (purchases Telegram has not listed, through partial indexes) — never by all purchases.
/// A difference an operator already resolved was judged; it is not raised again.
/// </summary>
internal static class ReconciliationChecks
{
    /// <summary>The chunk's payments and refunds older than the cutoff that disagree with the purchases, without judged ones.</summary>
    public static async Task<List<ReconciliationAlert>> CompareAsync(QuizDbContext db, IReadOnlyList<StarTransactionRecord> records, DateTimeOffset cutoff, CancellationToken ct)
    {
        var old = records.Where(t => t.Date <= cutoff).ToList();
        if (old.Count == 0) return [];
        var charges = old.Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var byCharge = (await db.Purchases.AsNoTracking().Where(p => charges.Contains(p.TelegramPaymentChargeId))
            .Join(db.Players, p => p.PlayerId, pl => pl.Id, (p, pl) => new { p.Id, p.TelegramPaymentChargeId, p.AmountStars, p.Status, pl.TelegramUserId })
            .ToListAsync(ct)).ToDictionary(p => p.TelegramPaymentChargeId, StringComparer.Ordinal);
        var judged = (await db.ReconciliationAlerts.AsNoTracking().Where(a => a.ResolvedAt != null && charges.Contains(a.ChargeId))
            .Select(a => new { a.Kind, a.ChargeId }).ToListAsync(ct)).Select(a => (a.Kind, a.ChargeId)).ToHashSet();

        var found = new Dictionary<(DifferenceKind, string), ReconciliationAlert>();
        void Add(DifferenceKind kind, string charge, long? user, Guid? purchase, int? telegramAmount, int? recorded)
        {
            if (!judged.Contains((kind, charge)))
            {
                found.TryAdd((kind, charge), new ReconciliationAlert { Kind = kind, ChargeId = charge, TelegramUserId = user, PurchaseId = purchase, TelegramAmount = telegramAmount, RecordedAmount = recorded });
            }
        }

        foreach (var t in old)
        {
            var p = byCharge.GetValueOrDefault(t.Id);
            if (t.IsRefund)
            {
                if (p?.Status != PurchaseStatus.Refunded) Add(DifferenceKind.RefundNotRecorded, t.Id, t.UserId ?? p?.TelegramUserId, p?.Id, t.Amount, p?.AmountStars);
            }
            else if (p is null) Add(DifferenceKind.PaymentWithoutPurchase, t.Id, t.UserId, null, t.Amount, null);
            else if (p.AmountStars != t.Amount) Add(DifferenceKind.AmountMismatch, t.Id, p.TelegramUserId, p.Id, t.Amount, p.AmountStars);
        }
        return [.. found.Values];
    }

    /// <summary>One statement for all of a step's differences; one that is already open stays that one alert.</summary>
    public static async Task RaiseAsync(QuizDbContext db, Guid runId, IReadOnlyList<ReconciliationAlert> differences, DateTimeOffset now, CancellationToken ct)
    {
        if (differences.Count == 0) return;
        var kinds = differences.Select(d => EnumColumns.ToColumn(d.Kind)).ToArray();
        var charges = differences.Select(d => d.ChargeId).ToArray();
        var users = differences.Select(d => d.TelegramUserId).ToArray();
        var purchases = differences.Select(d => d.PurchaseId).ToArray();
        var telegramAmounts = differences.Select(d => d.TelegramAmount).ToArray();
        var recordedAmounts = differences.Select(d => d.RecordedAmount).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO reconciliation_alerts (run_id, kind, charge_id, telegram_user_id, purchase_id, telegram_amount, recorded_amount, created_at)
            SELECT {runId}, d.kind, d.charge, d.telegram_user, d.purchase, d.telegram_amount, d.recorded_amount, {now}
            FROM unnest({kinds}::text[], {charges}::text[], {users}::bigint[], {purchases}::uuid[], {telegramAmounts}::int[], {recordedAmounts}::int[])
                AS d(kind, charge, telegram_user, purchase, telegram_amount, recorded_amount)
            ON CONFLICT (kind, charge_id) WHERE resolved_at IS NULL DO NOTHING
            """, ct);
    }

    /// <summary>Telegram lists these payments and refunds (young ones too): the purchase-side checks leave them out.</summary>
    public static async Task MarkListedAsync(QuizDbContext db, IReadOnlyList<StarTransactionRecord> records, DateTimeOffset now, CancellationToken ct)
    {
        var paid = records.Where(r => !r.IsRefund).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        var refunded = records.Where(r => r.IsRefund).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        if (paid.Count > 0)
        {
            await db.Purchases.Where(p => paid.Contains(p.TelegramPaymentChargeId) && p.TelegramListedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TelegramListedAt, now), ct);
        }
        if (refunded.Count > 0)
        {
            await db.Purchases.Where(p => refunded.Contains(p.TelegramPaymentChargeId) && p.TelegramRefundListedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TelegramRefundListedAt, now), ct);
        }
    }

    /// <summary>
    /// At the end of Telegram's list: purchases older than the cutoff whose payment Telegram never
    /// listed, and refunds recorded before the cutoff that Telegram never listed (not for a purchase
    /// already without payment). Returns how many differences were found (open ones included).
    /// </summary>
    public static async Task<int> RaisePurchaseSideAsync(QuizDbContext db, Guid runId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        var withoutPayment = EnumColumns.ToColumn(DifferenceKind.PurchaseWithoutPayment);
        var refundMissing = EnumColumns.ToColumn(DifferenceKind.RefundMissingAtTelegram);
        var refunded = EnumColumns.ToColumn(PurchaseStatus.Refunded);
        var counts = await db.Database.SqlQuery<int>($"""
            WITH found AS (
                SELECT {withoutPayment}::text AS kind, p.telegram_payment_charge_id AS charge, pl.telegram_user_id, p.id AS purchase, p.amount_stars
                FROM purchases p JOIN players pl ON pl.id = p.player_id
                WHERE p.telegram_listed_at IS NULL AND p.created_at <= {cutoff}
                UNION ALL
                SELECT {refundMissing}::text, p.telegram_payment_charge_id, pl.telegram_user_id, p.id, p.amount_stars
                FROM purchases p JOIN players pl ON pl.id = p.player_id
                WHERE p.status = {refunded} AND p.telegram_refund_listed_at IS NULL AND p.refunded_at <= {cutoff}
                  AND NOT (p.telegram_listed_at IS NULL AND p.created_at <= {cutoff})
            ), news AS (
                SELECT f.* FROM found f
                WHERE NOT EXISTS (SELECT 1 FROM reconciliation_alerts j WHERE j.kind = f.kind AND j.charge_id = f.charge AND j.resolved_at IS NOT NULL)
            ), raised AS (
                INSERT INTO reconciliation_alerts (run_id, kind, charge_id, telegram_user_id, purchase_id, telegram_amount, recorded_amount, created_at)
                SELECT {runId}, kind, charge, telegram_user_id, purchase, NULL, amount_stars, {now} FROM news
                ON CONFLICT (kind, charge_id) WHERE resolved_at IS NULL DO NOTHING
            )
            SELECT count(*)::int AS "Value" FROM news
            """).ToListAsync(ct);
        return counts.Single();
    }
}
