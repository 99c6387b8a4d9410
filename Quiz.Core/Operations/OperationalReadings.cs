using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Messaging;

namespace Quiz.Core.Operations;

/// <param name="OutboxPending">Outbox rows not yet sent (including those waiting for a retry).</param>
/// <param name="OldestPendingAt">When the oldest of them was written; null when none waits.</param>
/// <param name="OutboxDeadLastDay">Rows dead-lettered in the last 24 hours (blocked players included).</param>
/// <param name="OpenDifferences">Reconciliation differences no operator has resolved.</param>
/// <param name="LastBackupAt">When the newest recorded backup finished; null when none is recorded.</param>
/// <param name="OpenRefundFailures">Refunds Telegram refused that no operator has retried or resolved.</param>
/// <param name="PendingByLane">The pending rows per outbox lane (every lane present, 0 when none waits).</param>
public sealed record OperationalReading(
    int OutboxPending, DateTimeOffset? OldestPendingAt, int OutboxDeadLastDay, int OpenDifferences, DateTimeOffset? LastBackupAt, int OpenRefundFailures,
    IReadOnlyDictionary<OutboxLane, int>? PendingByLane = null);

/// <summary>
/// The figures the worker exports as gauges for the alerts (deploy/prometheus/alerts.yml): read from the database on
/// the worker's own schedule, each through an index, so a Prometheus scrape never reaches the database.
/// </summary>
public sealed class OperationalReadings(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<OperationalReading> ReadAsync(CancellationToken ct = default)
    {
        var dayAgo = time.GetUtcNow().AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = db.OutboxMessages.Where(m => m.State == OutboxState.Pending);
        var lanes = await pending.GroupBy(m => m.Lane).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byLane = Enum.GetValues<OutboxLane>().ToDictionary(l => l, l => lanes.Where(x => x.Key == l).Sum(x => x.Count));
        var count = byLane.Values.Sum();
        var oldest = await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        var dead = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Dead && m.ProcessedAt >= dayAgo, ct);
        var differences = await db.ReconciliationAlerts.CountAsync(a => a.ResolvedAt == null, ct);
        var backup = await db.BackupRuns.MaxAsync(r => (DateTimeOffset?)r.FinishedAt, ct);
        var refunds = await RefundAdministration.OpenFailures(db).CountAsync(ct);
        return new OperationalReading(count, oldest, dead, differences, backup, refunds, byLane);
    }
}
