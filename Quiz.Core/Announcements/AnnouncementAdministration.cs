using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Announcements;

/// <summary>
/// The console's "Nachricht an Spieler": the audience's size, a draft written with the text checked
/// (<see cref="AnnouncementHtml"/>), sending it (the worker fans it out: <see cref="AnnouncementFanOut"/>) and canceling
/// it; every step audited in the same transaction. One context per call; each step is a compare-and-set under the
/// announcement's row lock, so it races safely with another console and with the worker's batches.
/// </summary>
public sealed class AnnouncementAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    private const int MaxNameLength = 200;

    /// <summary>How many players an announcement to this audience reaches now (null days: every player).</summary>
    public async Task<int> CountAsync(int? activeWithinDays, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (int)await RawSql.ScalarAsync(db, AnnouncementSql.Count, [Since(activeWithinDays, time.GetUtcNow())], ct);
    }

    public async Task<AnnouncementDraftResult> CreateAsync(string text, int? activeWithinDays, string createdBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var check = AnnouncementHtml.Check(text);
        if (activeWithinDays is < 1 or > Announcement.MaxActiveWithinDays) return new(null, check, DaysInvalid: true);
        if (!check.Valid) return new(null, check);
        var now = time.GetUtcNow();
        var announcement = new Announcement
        {
            Id = Guid.CreateVersion7(now),
            Text = text,
            ActiveWithinDays = activeWithinDays,
            State = AnnouncementState.Draft,
            CreatedBy = Name(createdBy),
            CreatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Announcements.Add(announcement);
        AuditLog.Record(db, createdBy, AuditActions.AnnouncementCreated, AuditLog.Announcement(announcement.Id), Audience(activeWithinDays), now);
        await db.SaveChangesAsync(ct);
        return new(announcement.Id, check);
    }

    /// <summary>DRAFT → SENDING: the audience fixed (its "seen since" and size) and the worker's fan-out begins.</summary>
    public async Task<AnnouncementOutcome> SendAsync(Guid id, string sentBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentBy);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var a = await LockAsync(db, id, ct);
        if (a is null) return AnnouncementOutcome.NotFound;
        if (a.State != AnnouncementState.Draft) return AnnouncementOutcome.NoChange;
        var since = Since(a.ActiveWithinDays, now);
        a.Recipients = (int)await RawSql.ScalarAsync(db, AnnouncementSql.Count, [since], ct);
        a.ActiveSince = since.Value as DateTimeOffset?;
        a.State = AnnouncementState.Sending;
        a.SentBy = Name(sentBy);
        a.SendStartedAt = now;
        AuditLog.Record(db, sentBy, AuditActions.AnnouncementSent, AuditLog.Announcement(id), $"{Audience(a.ActiveWithinDays)}; {GermanCount.Of(a.Recipients, "Empfänger", "Empfänger")}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AnnouncementOutcome.Changed;
    }

    /// <summary>
    /// DRAFT or SENDING → CANCELED: the fan-out stops at its next batch and every row still waiting is finished as skipped;
    /// a row the bot holds at this moment finds the announcement canceled when it reads the text.
    /// </summary>
    public async Task<AnnouncementOutcome> CancelAsync(Guid id, string canceledBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(canceledBy);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var a = await LockAsync(db, id, ct);
        if (a is null) return AnnouncementOutcome.NotFound;
        if (a.State is not (AnnouncementState.Draft or AnnouncementState.Sending)) return AnnouncementOutcome.NoChange;
        var stopped = await RawSql.ExecuteAsync(db, AnnouncementSql.Cancel,
            [RawSql.Text(AnnouncementSql.KeyPattern(id)), RawSql.Time(now)], ct);
        a.State = AnnouncementState.Canceled;
        a.CanceledBy = Name(canceledBy);
        a.CanceledAt = now;
        AuditLog.Record(db, canceledBy, AuditActions.AnnouncementCanceled, AuditLog.Announcement(id), $"{GermanCount.Of(stopped, "wartende Nachricht", "wartende Nachrichten")} nicht mehr gesendet", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AnnouncementOutcome.Changed;
    }

    /// <summary>The latest announcements, newest first, each with its progress.</summary>
    public async Task<IReadOnlyList<AnnouncementRow>> ListAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Announcements.AsNoTracking().OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        var result = new List<AnnouncementRow>(rows.Count);
        foreach (var a in rows)
        {
            var progress = a.FinishedAt is not null || a.State == AnnouncementState.Draft
                ? new AnnouncementProgress(0, a.SentCount, a.FailedCount, a.SkippedCount)
                : await ProgressAsync(db, a.Id, ct);
            result.Add(new(a.Id, a.Text, a.ActiveWithinDays, a.State, a.CreatedBy, a.CreatedAt, a.SentBy, a.SendStartedAt, a.CanceledBy, a.CanceledAt,
                a.FinishedAt, a.Recipients, a.Queued, a.FannedOutAt is not null, progress));
        }
        return result;
    }

    internal static async Task<AnnouncementProgress> ProgressAsync(QuizDbContext db, Guid id, CancellationToken ct)
    {
        var counts = new int[4];
        await RawSql.QueryAsync(db, AnnouncementSql.Progress, [RawSql.Text(AnnouncementSql.KeyPattern(id))], async reader =>
        {
            if (!await reader.ReadAsync(ct)) return;
            for (var i = 0; i < counts.Length; i++) counts[i] = (int)reader.GetInt64(i);
        }, ct);
        return new(counts[0], counts[1], counts[2], counts[3]);
    }

    internal static async Task<Announcement?> LockAsync(QuizDbContext db, Guid id, CancellationToken ct) =>
        (await db.Announcements.FromSqlInterpolated($"SELECT * FROM announcements WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    internal static Npgsql.NpgsqlParameter Since(int? days, DateTimeOffset now) => new()
    {
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz,
        Value = days is { } d ? now.AddDays(-d) : DBNull.Value,
    };

    /// <summary>The audience as the console names it (the Protokoll shows it).</summary>
    private static string Audience(int? days) => days switch
    {
        null => "Alle Spieler",
        1 => "Aktiv am letzten Tag",
        { } d => $"Aktiv in den letzten {GermanCount.Of(d, "Tag", "Tagen")}",
    };

    private static string Name(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
