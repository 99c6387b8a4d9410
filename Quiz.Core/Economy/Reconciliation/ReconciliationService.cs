using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>
/// Reconciliation with Telegram: a run is requested (daily by the worker, on demand from the
/// console) → an outbox command makes the bot layer page through getStarTransactions →
/// <see cref="CompleteAsync"/> compares them with the purchases in one transaction and turns each
/// difference into an alert. Completing a run twice changes nothing.
/// </summary>
public sealed class ReconciliationService(QuizDbContext db, TimeProvider time, IOptions<ReconciliationOptions> options)
{
    public const string ScheduledBy = "worker";

    private readonly TimeSpan settle = TimeSpan.FromSeconds(options.Value.SettleSeconds);

    /// <summary>The scheduled run of the current Berlin day: requested once, however often the worker fires.</summary>
    public Task<Guid> RequestDailyAsync(CancellationToken ct = default) =>
        RequestAsync(ScheduledBy, BerlinDay.Containing(time.GetUtcNow()).Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);

    /// <summary>A new run; with <paramref name="dayKey"/> at most one per day (the scheduled run), returning the existing one.</summary>
    public async Task<Guid> RequestAsync(string requestedBy, string? dayKey = null, CancellationToken ct = default)
    {
        if (dayKey is not null && await DayRunAsync(dayKey, ct) is { } existing) return existing;
        var now = time.GetUtcNow();
        var run = new ReconciliationRun { Id = Guid.CreateVersion7(now), RequestedBy = requestedBy, DayKey = dayKey, Status = ReconciliationStatus.Requested, RequestedAt = now };
        db.ReconciliationRuns.Add(run);
        OutboxWriter.Enqueue(db, OutboxKinds.ReconcileStarTransactions, null, new ReconcileCommand(run.Id), now, idempotencyKey: $"reconcile:{run.Id:N}");
        try
        {
            await db.SaveChangesAsync(ct);
            return run.Id;
        }
        catch (DbUpdateException ex) when (dayKey is not null && ex.IsUniqueViolation(ReconciliationRun.UniqueDay))
        {
            db.ChangeTracker.Clear();
            return (await DayRunAsync(dayKey, ct))!.Value;
        }
    }

    /// <summary>Compares Telegram's transactions with the purchases; false when the run was already finished.</summary>
    public async Task<bool> CompleteAsync(Guid runId, IReadOnlyList<StarTransactionRecord> transactions, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = await LockAsync(runId, ct);
        if (run is not { Status: ReconciliationStatus.Requested }) return false;

        // A difference an operator already resolved was judged; it is not raised again every day.
        var judged = (await db.ReconciliationAlerts.Where(a => a.ResolvedAt != null).Select(a => new { a.Kind, a.ChargeId }).ToListAsync(ct))
            .Select(a => (a.Kind, a.ChargeId)).ToHashSet();
        var differences = (await CompareAsync(transactions, run.RequestedAt - settle, ct)).Where(d => !judged.Contains((d.Kind, d.ChargeId))).ToList();
        foreach (var d in differences)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO reconciliation_alerts (run_id, kind, charge_id, telegram_user_id, purchase_id, telegram_amount, recorded_amount, created_at)
                VALUES ({runId}, {EnumColumns.ToColumn(d.Kind)}, {d.ChargeId}, {d.TelegramUserId}, {d.PurchaseId}, {d.TelegramAmount}, {d.RecordedAmount}, {now})
                ON CONFLICT (kind, charge_id) WHERE resolved_at IS NULL DO NOTHING
                """, ct);
        }
        run.Status = ReconciliationStatus.Completed;
        run.CompletedAt = now;
        run.TransactionCount = transactions.Count;
        run.DifferenceCount = differences.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Telegram refused the transaction list (not a transient fault): the run ends with the reason.</summary>
    public async Task FailAsync(Guid runId, string error, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var reason = error.Length > 1000 ? error[..1000] : error;
        await db.ReconciliationRuns.Where(r => r.Id == runId && r.Status == ReconciliationStatus.Requested).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReconciliationStatus.Failed)
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.Error, reason), ct);
    }

    private async Task<List<ReconciliationAlert>> CompareAsync(IReadOnlyList<StarTransactionRecord> transactions, DateTimeOffset cutoff, CancellationToken ct)
    {
        var purchases = await db.Purchases.AsNoTracking()
            .Join(db.Players, p => p.PlayerId, pl => pl.Id, (p, pl) => new { p.Id, p.TelegramPaymentChargeId, p.AmountStars, p.Status, p.CreatedAt, p.RefundedAt, pl.TelegramUserId })
            .ToListAsync(ct);
        var byCharge = purchases.ToDictionary(p => p.TelegramPaymentChargeId, StringComparer.Ordinal);
        var payments = new Dictionary<string, StarTransactionRecord>(StringComparer.Ordinal);
        var refunds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in transactions)
        {
            if (t.IsRefund) refunds.Add(t.Id);
            else payments.TryAdd(t.Id, t);
        }

        var found = new List<ReconciliationAlert>();
        void Add(DifferenceKind kind, string charge, long? user, Guid? purchase, int? telegramAmount, int? recorded) =>
            found.Add(new ReconciliationAlert { Kind = kind, ChargeId = charge, TelegramUserId = user, PurchaseId = purchase, TelegramAmount = telegramAmount, RecordedAmount = recorded });

        foreach (var t in transactions.Where(t => t.Date <= cutoff))
        {
            var p = byCharge.GetValueOrDefault(t.Id);
            if (t.IsRefund)
            {
                if (p?.Status != PurchaseStatus.Refunded) Add(DifferenceKind.RefundNotRecorded, t.Id, t.UserId ?? p?.TelegramUserId, p?.Id, t.Amount, p?.AmountStars);
            }
            else if (p is null) Add(DifferenceKind.PaymentWithoutPurchase, t.Id, t.UserId, null, t.Amount, null);
            else if (p.AmountStars != t.Amount) Add(DifferenceKind.AmountMismatch, t.Id, p.TelegramUserId, p.Id, t.Amount, p.AmountStars);
        }
        foreach (var p in purchases)
        {
            if (p.CreatedAt <= cutoff && !payments.ContainsKey(p.TelegramPaymentChargeId))
            {
                Add(DifferenceKind.PurchaseWithoutPayment, p.TelegramPaymentChargeId, p.TelegramUserId, p.Id, null, p.AmountStars);
            }
            else if (p.Status == PurchaseStatus.Refunded && p.RefundedAt <= cutoff && !refunds.Contains(p.TelegramPaymentChargeId))
            {
                Add(DifferenceKind.RefundMissingAtTelegram, p.TelegramPaymentChargeId, p.TelegramUserId, p.Id, null, p.AmountStars);
            }
        }
        return found;
    }

    private async Task<Guid?> DayRunAsync(string dayKey, CancellationToken ct) =>
        await db.ReconciliationRuns.Where(r => r.DayKey == dayKey).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);

    private async Task<ReconciliationRun?> LockAsync(Guid runId, CancellationToken ct) =>
        (await db.ReconciliationRuns.FromSqlInterpolated($"SELECT * FROM reconciliation_runs WHERE id = {runId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}
