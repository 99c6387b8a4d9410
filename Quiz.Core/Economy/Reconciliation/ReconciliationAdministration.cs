using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>
/// The console's view of the Stars reconciliation: the latest runs, open and resolved alerts,
/// resolving an alert with a note, and a run on demand through <see cref="ReconciliationService"/>.
/// One context per call.
/// </summary>
public sealed class ReconciliationAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, IOptions<ReconciliationOptions> options)
{
    public const int MaxNoteLength = 500;
    public const int ResolvedShown = 50;
    private const int MaxNameLength = 200;

    /// <summary>Serializes "Jetzt abgleichen" across console replicas (the check and the request are one step).</summary>
    private const long RunNowLock = 0x5155_495A_5245_434E;

    public async Task<IReadOnlyList<ReconciliationRunRow>> RunsAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ReconciliationRuns.AsNoTracking()
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(take, 1, 200))
            .Select(r => new ReconciliationRunRow(r.Id, r.RequestedBy, r.DayKey, r.RequestedAt, r.Status, r.CompletedAt, r.TransactionCount, r.DifferenceCount, r.Error, r.Steps, r.StartOffset, r.NextOffset))
            .ToListAsync(ct);
    }

    /// <summary>Every open alert, oldest first (the join may reorder, so rows are sorted after loading).</summary>
    public async Task<IReadOnlyList<ReconciliationAlertRow>> OpenAlertsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Rows(db, db.ReconciliationAlerts.AsNoTracking().Where(a => a.ResolvedAt == null)).ToListAsync(ct);
        return [.. rows.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)];
    }

    /// <summary>The last <see cref="ResolvedShown"/> resolved alerts, newest resolution first.</summary>
    public async Task<IReadOnlyList<ReconciliationAlertRow>> ResolvedAlertsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await Rows(db, db.ReconciliationAlerts.AsNoTracking().Where(a => a.ResolvedAt != null)
            .OrderByDescending(a => a.ResolvedAt).ThenByDescending(a => a.Id).Take(ResolvedShown)).ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.ResolvedAt).ThenByDescending(a => a.Id)];
    }

    public async Task<int> CountOpenAlertsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ReconciliationAlerts.CountAsync(a => a.ResolvedAt == null, ct);
    }

    /// <summary>Marks an open alert as resolved with a required note; compare-and-set, so resolving twice changes nothing.</summary>
    public async Task<AlertResolveResult> ResolveAsync(long alertId, string? note, string resolvedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        var text = note?.Trim() ?? "";
        if (text.Length == 0) return new AlertResolveResult(AlertResolveOutcome.Invalid, "Bitte eine Notiz angeben: Was wurde geprüft oder getan?");
        if (text.Length > MaxNoteLength)
        {
            return new AlertResolveResult(AlertResolveOutcome.Invalid, $"Die Notiz darf höchstens {MaxNoteLength} Zeichen lang sein (jetzt: {text.Length}).");
        }
        var by = Shorten(resolvedBy);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ReconciliationAlerts.Where(a => a.Id == alertId && a.ResolvedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ResolvedAt, now)
            .SetProperty(a => a.ResolvedBy, by)
            .SetProperty(a => a.Note, text), ct);
        if (changed == 1)
        {
            AuditLog.Record(db, by, AuditActions.AlertResolved, $"alert:{alertId}", text, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new AlertResolveResult(AlertResolveOutcome.Resolved);
        }
        return new AlertResolveResult(await db.ReconciliationAlerts.AnyAsync(a => a.Id == alertId, ct)
            ? AlertResolveOutcome.AlreadyResolved
            : AlertResolveOutcome.NotFound);
    }

    /// <summary>
    /// Requests a run now in the name of <paramref name="requestedBy"/>, unless a run (on demand or
    /// the daily one) is still under way: then that one is returned. A run that cannot finish any
    /// more (older than its limit, or its step's command dead in the outbox) is ended as failed
    /// first, so it never blocks a new run from the cursor.
    /// </summary>
    public async Task<RunNowResult> RunNowAsync(string requestedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({RunNowLock})", ct);

        var service = new ReconciliationService(db, time, options);
        await service.ExpireStalledAsync(ct);
        var pending = await db.ReconciliationRuns.AsNoTracking().Where(r => r.Status == ReconciliationStatus.Requested)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        if (pending is not null)
        {
            await tx.CommitAsync(ct);
            return new RunNowResult(Row(pending), Started: false);
        }

        var id = await service.RequestAsync(Shorten(requestedBy), dayKey: null, ct);
        AuditLog.Record(db, Shorten(requestedBy), AuditActions.ReconciliationRequested, $"run:{id:N}", null, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        return new RunNowResult(Row(run), Started: true);
    }

    /// <summary>The last reconciled point: how far Telegram's list is compared, and the date there.</summary>
    public async Task<ReconciliationCursorRow> CursorAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.ReconciliationCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ReconciliationCursor.SingletonId, ct);
        return new ReconciliationCursorRow(cursor?.Offset ?? 0, cursor?.LastDate, cursor?.UpdatedAt);
    }

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];

    private static ReconciliationRunRow Row(ReconciliationRun r) =>
        new(r.Id, r.RequestedBy, r.DayKey, r.RequestedAt, r.Status, r.CompletedAt, r.TransactionCount, r.DifferenceCount, r.Error, r.Steps, r.StartOffset, r.NextOffset);

    private static IQueryable<ReconciliationAlertRow> Rows(QuizDbContext db, IQueryable<ReconciliationAlert> alerts) =>
        from a in alerts
        join p in db.Players.AsNoTracking() on a.TelegramUserId equals (long?)p.TelegramUserId into players
        from p in players.DefaultIfEmpty()
        select new ReconciliationAlertRow(
            a.Id, a.RunId, a.Kind, a.ChargeId, a.TelegramUserId, p == null ? null : p.FirstName, p == null ? null : p.Username,
            a.PurchaseId, a.TelegramAmount, a.RecordedAmount, a.CreatedAt, a.ResolvedAt, a.ResolvedBy, a.Note);
}
