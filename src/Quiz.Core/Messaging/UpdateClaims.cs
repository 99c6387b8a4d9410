using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Messaging;

public enum UpdateClaim
{
    /// <summary>This replica owns the update and must complete or release it.</summary>
    Claimed,

    /// <summary>The update was handled before: acknowledge it and do nothing.</summary>
    AlreadyHandled,

    /// <summary>Another replica is handling it right now: acknowledge; that replica answers.</summary>
    InProgress,
}

/// <summary>
/// At-most-once handling of Telegram updates across replicas and restarts, decided by the
/// primary key of <c>processed_updates</c>. A claim left behind by a crashed replica can be taken
/// over after <see cref="Lease"/>.
/// </summary>
public sealed class UpdateClaims(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<UpdateClaim> ClaimAsync(long updateId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO processed_updates (update_id, received_at) VALUES ({updateId}, {now}) ON CONFLICT (update_id) DO NOTHING", ct);
        if (inserted == 1) return UpdateClaim.Claimed;

        var stale = now - Lease;
        var takenOver = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE processed_updates SET received_at = {now} WHERE update_id = {updateId} AND completed_at IS NULL AND received_at < {stale}", ct);
        if (takenOver == 1) return UpdateClaim.Claimed;

        var completed = await db.ProcessedUpdates.Where(u => u.UpdateId == updateId).Select(u => u.CompletedAt).SingleOrDefaultAsync(ct);
        return completed is null ? UpdateClaim.InProgress : UpdateClaim.AlreadyHandled;
    }

    public async Task CompleteAsync(long updateId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.ProcessedUpdates.Where(u => u.UpdateId == updateId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CompletedAt, now), ct);
    }

    /// <summary>Gives the update back so a redelivery is handled; best effort when the database is down.</summary>
    public async Task ReleaseAsync(long updateId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.ProcessedUpdates.Where(u => u.UpdateId == updateId && u.CompletedAt == null).ExecuteDeleteAsync(ct);
    }
}
