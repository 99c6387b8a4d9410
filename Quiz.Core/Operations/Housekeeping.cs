using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.Core.Operations;

public sealed record HousekeepingResult(int SentOutboxDeleted, int DeadOutboxDeleted, int ExpiredInvoicesDeleted, int ProcessedUpdatesDeleted)
{
    public static readonly HousekeepingResult None = new(0, 0, 0, 0);
}

/// <summary>
/// Periodic clean-up of the tables that would otherwise only grow: sent and dead outbox rows,
/// expired unpaid invoices and update ids past the redelivery horizon, each after its retention
/// (<see cref="HousekeepingOptions"/>). Idle games are ended by <see cref="Game.SessionTimeouts"/>.
/// Deletes in bounded batches, each its own short transaction, until done or out of time budget;
/// idempotent and safe on several nodes at once (see <see cref="PurgeStatements"/>).
/// </summary>
public sealed partial class Housekeeping(
    QuizDbContext db, TimeProvider time, IOptions<HousekeepingOptions> options, ILogger<Housekeeping> logger)
{
    public async Task<HousekeepingResult> RunAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        var budget = TimeSpan.FromSeconds(o.TimeBudgetSeconds);
        bool OutOfTime() => time.GetElapsedTime(started) >= budget;

        var result = new HousekeepingResult(
            await PurgeAsync(PurgeStatements.Outbox("sent"), now.AddDays(-o.SentOutboxDays), o.BatchSize, OutOfTime, ct),
            await PurgeAsync(PurgeStatements.Outbox("dead"), now.AddDays(-o.DeadOutboxDays), o.BatchSize, OutOfTime, ct),
            await PurgeAsync(PurgeStatements.ExpiredInvoices, now.AddDays(-o.ExpiredInvoiceDays), o.BatchSize, OutOfTime, ct),
            await PurgeAsync(PurgeStatements.ProcessedUpdates, now.AddDays(-o.ProcessedUpdateDays), o.BatchSize, OutOfTime, ct));
        LogRun(result.SentOutboxDeleted, result.DeadOutboxDeleted, result.ExpiredInvoicesDeleted, result.ProcessedUpdatesDeleted,
            OutOfTime());
        return result;
    }

    /// <summary>Batches until one comes back short (nothing left) or the budget is spent.</summary>
    private async Task<int> PurgeAsync(string sql, DateTimeOffset horizon, int batch, Func<bool> outOfTime, CancellationToken ct)
    {
        var total = 0;
        while (!outOfTime())
        {
            var deleted = await db.Database.ExecuteSqlRawAsync(
                sql, [new NpgsqlParameter("horizon", horizon), new NpgsqlParameter("batch", batch)], ct);
            total += deleted;
            if (deleted < batch) break;
        }
        return total;
    }

    [LoggerMessage(LogLevel.Information,
        "Housekeeping: purged {SentOutbox} sent and {DeadOutbox} dead outbox row(s), {ExpiredInvoices} expired invoice(s), {ProcessedUpdates} processed update id(s); time budget spent: {OutOfTime}")]
    private partial void LogRun(int sentOutbox, int deadOutbox, int expiredInvoices, int processedUpdates, bool outOfTime);
}
