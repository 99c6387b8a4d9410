using Microsoft.EntityFrameworkCore;

namespace Quiz.Core.Economy.Reconciliation;

public sealed partial class ReconciliationService
{
    /// <summary>
    /// One step of a run, in one transaction: compares the chunk's payments and refunds (only
    /// those older than the run's settle cutoff) with the purchases of the same charge ids, marks
    /// the purchases Telegram lists, moves the cursor past the settled part, then enqueues the
    /// next step — or, at the end of the list, raises the purchase-side differences and completes
    /// the run. A command for a step already done (a retry after a lost result) changes nothing.
    /// </summary>
    public async Task<ReconcileStepOutcome> StepAsync(ReconcileCommand command, StarTransactionChunk chunk, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = await LockAsync(command.RunId, ct);
        if (run is not { Status: ReconciliationStatus.Requested } || run.Steps != command.Step || run.NextOffset != chunk.Offset)
        {
            return ReconcileStepOutcome.AlreadyDone;
        }
        if (now - run.RequestedAt > TimeSpan.FromMinutes(settings.MaxRunMinutes))
        {
            run.Status = ReconciliationStatus.Failed;
            run.CompletedAt = now;
            run.Error = $"Nicht innerhalb von {settings.MaxRunMinutes} Minuten fertig geworden (bis Transaktion {run.NextOffset}); ein neuer Abgleich setzt beim Abgleichstand fort.";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ReconcileStepOutcome.Expired;
        }

        var cutoff = run.RequestedAt - settle;
        var settledDate = Settle(run, chunk, cutoff);
        var records = chunk.Listed.Select(l => l.Record).OfType<StarTransactionRecord>().ToList();
        var differences = await ReconciliationChecks.CompareAsync(db, records, cutoff, ct);
        await ReconciliationChecks.RaiseAsync(db, run.Id, differences, now, ct);
        await ReconciliationChecks.MarkListedAsync(db, records, now, ct);
        if (settledDate is { } date) await AdvanceCursorAsync(run.SettledOffset, date, now, ct);

        run.NextOffset += chunk.Listed.Count;
        run.Steps++;
        run.LastStepAt = now;
        run.TransactionCount += records.Count;
        run.DifferenceCount += differences.Count;
        var end = chunk.EndReached || chunk.Listed.Count == 0;
        if (end)
        {
            run.DifferenceCount += await ReconciliationChecks.RaisePurchaseSideAsync(db, run.Id, cutoff, now, ct);
            run.Status = ReconciliationStatus.Completed;
            run.CompletedAt = now;
        }
        else
        {
            EnqueueStep(run, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return end ? ReconcileStepOutcome.Completed : ReconcileStepOutcome.Continued;
    }

    /// <summary>
    /// Moves the run's settled position over the leading entries older than the cutoff; the first
    /// young entry stops it for the rest of the run (the list is oldest first). Returns the date of
    /// the last entry passed, or null when none was.
    /// </summary>
    private static DateTimeOffset? Settle(ReconciliationRun run, StarTransactionChunk chunk, DateTimeOffset cutoff)
    {
        DateTimeOffset? last = null;
        for (var i = 0; i < chunk.Listed.Count && run.SettledOffset == chunk.Offset + i && chunk.Listed[i].Date <= cutoff; i++)
        {
            run.SettledOffset++;
            last = chunk.Listed[i].Date;
        }
        return last;
    }

    /// <summary>The cursor only moves forward: a slower run that started earlier never moves it back.</summary>
    private async Task AdvanceCursorAsync(int offset, DateTimeOffset lastDate, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO reconciliation_cursor (id, position, last_date, updated_at) VALUES ({ReconciliationCursor.SingletonId}, {offset}, {lastDate}, {now})
            ON CONFLICT (id) DO UPDATE SET position = excluded.position, last_date = excluded.last_date, updated_at = excluded.updated_at
            WHERE reconciliation_cursor.position < excluded.position
            """, ct);
}
