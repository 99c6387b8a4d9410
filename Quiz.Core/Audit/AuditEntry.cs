using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Audit;

/// <summary>
/// What an operator (or Telegram, or the worker) did to money or players' cases: append-only — the
/// database refuses to change or delete a row (trigger <c>tr_audit_entries_append_only</c>).
/// Written in the same transaction as the change it records.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The console user's name, or one of <see cref="AuditActors"/> when a service wrote it.</summary>
    public string Actor { get; set; } = "";

    /// <summary>A stable name such as <c>purchase.refund_requested</c> (<see cref="AuditActions"/>).</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to, e.g. <c>purchase:&lt;id&gt;</c>.</summary>
    public string Subject { get; set; } = "";
    public string? Details { get; set; }
}

public static class AuditActions
{
    public const string RefundRequested = "purchase.refund_requested";
    public const string Refunded = "purchase.refunded";
    public const string RefundFailed = "purchase.refund_failed";
    public const string RefundRetried = "purchase.refund_retried";
    public const string RefundFailureResolved = "purchase.refund_failure_resolved";
    public const string SupportClosed = "support.closed";
    public const string ReconciliationRequested = "reconciliation.requested";
    public const string AlertResolved = "reconciliation.alert_resolved";
    public const string TournamentCreated = "tournament.created";
    public const string TournamentScheduled = "tournament.scheduled";
    public const string TournamentStarted = "tournament.started";
    public const string TournamentFinished = "tournament.finished";
    public const string TournamentRewarded = "tournament.rewarded";
    public const string TournamentRankingCorrected = "tournament.ranking_corrected";
    public const string TournamentEdited = "tournament.edited";
    public const string TournamentCancelled = "tournament.cancelled";
    public const string TournamentSeriesCreated = "tournament.series.created";
    public const string TournamentSeriesEdited = "tournament.series.edited";
    public const string TournamentSeriesPaused = "tournament.series.paused";
    public const string TournamentSeriesResumed = "tournament.series.resumed";
    public const string PlayerDeleted = "player.deleted";
    public const string PlayerBanned = "player.banned";
    public const string PlayerUnbanned = "player.unbanned";
    public const string PlayerRankingHeld = "player.ranking_held";
    public const string PlayerRankingRestored = "player.ranking_restored";
    public const string FlagRaised = "flag.raised";
    public const string FlagDismissed = "flag.dismissed";
    public const string FlagConfirmed = "flag.confirmed";
    public const string FeatureSwitched = "feature.switched";
    public const string OutboxRequeued = "outbox.requeued";
    public const string AuditExported = "audit.exported";
    public const string AnnouncementCreated = "announcement.created";
    public const string AnnouncementSent = "announcement.sent";
    public const string AnnouncementCanceled = "announcement.canceled";

    /// <summary>Every action above, for the console's filter.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(AuditActions).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
}

/// <summary>Adds audit entries to the caller's unit of work and reads them back per subject.</summary>
public static class AuditLog
{
    public const int MaxDetails = 1000;

    public static string Purchase(Guid id) => $"purchase:{id:N}";

    public static string Tournament(Guid id) => $"tournament:{id:N}";

    public static string Player(long id) => $"player:{id}";

    public static string TournamentSeries(Guid id) => $"tournament-series:{id:N}";

    public static string Announcement(Guid id) => $"announcement:{id:N}";

    public static void Record(QuizDbContext db, string actor, string action, string subject, string? details, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            Actor = actor.Length <= 200 ? actor : actor[..200],
            Action = action,
            Subject = subject,
            Details = details is { Length: > MaxDetails } ? details[..MaxDetails] : details,
        });

    public static Task<List<AuditEntry>> ForSubjectAsync(QuizDbContext db, string subject, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync(ct);
}
