using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>
/// Reconciliation with Telegram: a run is requested (daily by the worker, on demand from the
/// console) at the reconciliation cursor → an outbox command makes the bot layer read a bounded
/// number of getStarTransactions pages → <see cref="StepAsync"/> compares that chunk in one
/// transaction, moves the cursor past what is settled and enqueues the next step, until the end
/// of Telegram's list; then the purchase-side checks run and the run is completed. A step that
/// keeps failing (<see cref="GiveUpAsync"/>) or a run older than its limit
/// (<see cref="ExpireStalledAsync"/>) ends the run as failed, with the reason for the console.
/// </summary>
public sealed partial class ReconciliationService(QuizDbContext db, TimeProvider time, IOptions<ReconciliationOptions> options)
{
    public const string ScheduledBy = AuditActors.Worker;
    private const int MaxErrorLength = 1000;

    private readonly ReconciliationOptions settings = options.Value;
    private readonly TimeSpan settle = TimeSpan.FromSeconds(options.Value.SettleSeconds);

    /// <summary>The scheduled run of the current Berlin day: requested once, however often the worker fires.</summary>
    public async Task<Guid> RequestDailyAsync(CancellationToken ct = default)
    {
        await ExpireStalledAsync(ct);
        return await RequestAsync(ScheduledBy, BerlinDay.Containing(time.GetUtcNow()).Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
    }

    /// <summary>A new run from the cursor; with <paramref name="dayKey"/> at most one per day (the scheduled run), returning the existing one.</summary>
    public async Task<Guid> RequestAsync(string requestedBy, string? dayKey = null, CancellationToken ct = default)
    {
        if (dayKey is not null && await DayRunAsync(dayKey, ct) is { } existing) return existing;
        var now = time.GetUtcNow();
        var start = await db.ReconciliationCursors.Where(c => c.Id == ReconciliationCursor.SingletonId).Select(c => c.Offset).FirstOrDefaultAsync(ct);
        var run = new ReconciliationRun
        {
            Id = Guid.CreateVersion7(now), RequestedBy = requestedBy, DayKey = dayKey, Status = ReconciliationStatus.Requested, RequestedAt = now,
            StartOffset = start, NextOffset = start, SettledOffset = start,
        };
        db.ReconciliationRuns.Add(run);
        EnqueueStep(run, now);
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

    /// <summary>Telegram refused the transaction list (not a transient fault): the run ends with the reason.</summary>
    public Task FailAsync(Guid runId, string error, CancellationToken ct = default) =>
        FailWhereAsync(db.ReconciliationRuns.Where(r => r.Id == runId), error, ct);

    /// <summary>
    /// The bot tried a step <paramref name="attempts"/> times and it failed each time (fault or
    /// dispatch timeout): the run ends as failed instead of the step being retried forever. A
    /// command of a step already done (or of a finished run) changes nothing.
    /// </summary>
    public Task GiveUpAsync(ReconcileCommand command, int attempts, string lastError, CancellationToken ct = default) =>
        FailWhereAsync(db.ReconciliationRuns.Where(r => r.Id == command.RunId && r.Steps == command.Step),
            $"Schritt {command.Step + 1} (ab Transaktion {command.Offset}) nach {attempts} Versuchen aufgegeben: {lastError}", ct);

    /// <summary>
    /// Ends every running run that cannot finish any more: older than
    /// <see cref="ReconciliationOptions.MaxRunMinutes"/>, or its current step's command is dead in
    /// the outbox. Returns how many ended.
    /// </summary>
    public async Task<int> ExpireStalledAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var limit = now.AddMinutes(-settings.MaxRunMinutes);
        var ended = await FailWhereAsync(db.ReconciliationRuns.Where(r => r.RequestedAt < limit),
            $"Nicht innerhalb von {settings.MaxRunMinutes} Minuten fertig geworden; ein neuer Abgleich setzt beim Abgleichstand fort.", ct);

        var running = await db.ReconciliationRuns.AsNoTracking().Where(r => r.Status == ReconciliationStatus.Requested)
            .Select(r => new { r.Id, r.Steps }).ToListAsync(ct);
        if (running.Count == 0) return ended;
        var keys = running.ToDictionary(r => ReconcileCommand.Key(r.Id, r.Steps), r => r.Id);
        var names = keys.Keys.ToList();
        var dead = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKinds.ReconcileStarTransactions && names.Contains(m.IdempotencyKey!) && m.State == OutboxState.Dead)
            .Select(m => new { m.IdempotencyKey, m.LastError }).ToListAsync(ct);
        foreach (var command in dead)
        {
            ended += await FailWhereAsync(db.ReconciliationRuns.Where(r => r.Id == keys[command.IdempotencyKey!]),
                $"Der Bot hat den Befehl aufgegeben: {command.LastError ?? "ohne Angabe"}", ct);
        }
        return ended;
    }

    private async Task<int> FailWhereAsync(IQueryable<ReconciliationRun> runs, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reason = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        return await runs.Where(r => r.Status == ReconciliationStatus.Requested).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReconciliationStatus.Failed)
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.Error, reason), ct);
    }

    private void EnqueueStep(ReconciliationRun run, DateTimeOffset now) =>
        OutboxWriter.Enqueue(db, OutboxKinds.ReconcileStarTransactions, null,
            new ReconcileCommand(run.Id, run.Steps, run.NextOffset, settings.PagesPerStep, settings.MaxStepAttempts), now,
            idempotencyKey: ReconcileCommand.Key(run.Id, run.Steps));

    private async Task<Guid?> DayRunAsync(string dayKey, CancellationToken ct) =>
        await db.ReconciliationRuns.Where(r => r.DayKey == dayKey).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);

    private async Task<ReconciliationRun?> LockAsync(Guid runId, CancellationToken ct) =>
        (await db.ReconciliationRuns.FromSqlInterpolated($"SELECT * FROM reconciliation_runs WHERE id = {runId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}
