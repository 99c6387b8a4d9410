using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Announcements;

/// <summary>
/// The worker's side of announcements: fans every SENDING announcement out into the outbox in batches of players, and
/// finishes one (final counts, SENDING → SENT) once nothing of it waits any more; the bot's side reads the text to send.
/// Each batch is one transaction under the announcement's row lock that writes the rows (unique key per player and
/// announcement) and advances the cursor together: a second worker waits and continues after the batch, a killed
/// worker's open batch is rolled back and done again, and a cancel in between stops the next batch.
/// </summary>
public sealed class AnnouncementFanOut(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public const int DefaultBatchSize = 5_000;

    /// <summary>Fans out what is due; returns the outbox rows written. Stops after <paramref name="maxBatches"/> batches (the next run continues).</summary>
    public async Task<int> RunAsync(int batchSize = DefaultBatchSize, int maxBatches = 200, CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            due = await db.Announcements.Where(a => a.State == AnnouncementState.Sending && a.FannedOutAt == null)
                .OrderBy(a => a.SendStartedAt).Select(a => a.Id).ToListAsync(ct);
        }
        var written = 0;
        var batches = 0;
        foreach (var id in due)
        {
            while (batches < maxBatches && await BatchAsync(id, batchSize, ct) is { } rows)
            {
                written += rows;
                batches++;
            }
        }
        return written;
    }

    /// <summary>One batch of <paramref name="batchSize"/> players; null when there is nothing (more) to write.</summary>
    public async Task<int?> BatchAsync(Guid id, int batchSize, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var a = await AnnouncementAdministration.LockAsync(db, id, ct);
        if (a is not { State: AnnouncementState.Sending, FannedOutAt: null }) return null;
        long last = 0, taken = 0, inserted = 0;
        var since = new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = a.ActiveSince is { } s ? s : DBNull.Value };
        await RawSql.QueryAsync(db, AnnouncementSql.FanOut,
            [RawSql.Uuid(id), RawSql.Long(a.FannedOutThrough), since, RawSql.Int(batchSize),
             RawSql.Time(now), RawSql.Text(AnnouncementSql.KeyPrefix(id))],
            async reader =>
            {
                if (!await reader.ReadAsync(ct)) return;
                (last, taken, inserted) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }, ct);
        if (taken > 0) a.FannedOutThrough = last;
        a.Queued += (int)inserted;
        if (taken < batchSize) a.FannedOutAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (int)inserted;
    }

    /// <summary>Announcements fanned out (or canceled) with nothing left waiting get their final counts; returns how many.</summary>
    public async Task<int> FinishAsync(CancellationToken ct = default)
    {
        List<Guid> open;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            open = await db.Announcements.Where(a => a.FinishedAt == null
                    && ((a.State == AnnouncementState.Sending && a.FannedOutAt != null) || a.State == AnnouncementState.Canceled))
                .Select(a => a.Id).ToListAsync(ct);
        }
        var finished = 0;
        foreach (var id in open)
        {
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var a = await AnnouncementAdministration.LockAsync(db, id, ct);
            if (a is null || a.FinishedAt is not null) continue;
            var progress = await AnnouncementAdministration.ProgressAsync(db, id, ct);
            if (progress.Pending > 0) continue;
            (a.SentCount, a.FailedCount, a.SkippedCount, a.FinishedAt) = (progress.Sent, progress.Failed, progress.Skipped, now);
            if (a.State == AnnouncementState.Sending) a.State = AnnouncementState.Sent;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            finished++;
        }
        return finished;
    }

    /// <summary>The text to send for a row of the announcement; null when it was canceled (or is gone): the row is skipped.</summary>
    public async Task<string?> TextForSendingAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Announcements.AsNoTracking()
            .Where(a => a.Id == id && (a.State == AnnouncementState.Sending || a.State == AnnouncementState.Sent))
            .Select(a => a.Text).SingleOrDefaultAsync(ct);
    }
}
