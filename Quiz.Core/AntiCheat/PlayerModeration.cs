using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Core.AntiCheat;

public enum ModerationResult
{
    /// <summary>This call changed the player's state (and audited it).</summary>
    Done,

    /// <summary>The player was already banned/unbanned/held/restored: nothing changed, nothing audited.</summary>
    AlreadyInThatState,

    /// <summary>No such player, or the player deleted their account.</summary>
    NotFound,

    /// <summary>The reason was empty: nothing changed.</summary>
    ReasonRequired,
}

/// <summary>
/// A moderator's (or the anti-cheat's) decisions about a player: ban / unban, hold out of rankings /
/// restore. Each locks the player row, changes the state only from the opposite one (a second click
/// or a racing operator finds <see cref="ModerationResult.AlreadyInThatState"/>) and audits it in
/// the same transaction. Nothing is cached: the bot reads the ban with every update (PlayerDirectory),
/// the boards and rankings filter with <see cref="RankedPlayers"/>, so a change counts on every
/// replica from its next update on.
/// </summary>
public sealed class PlayerModeration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public Task<ModerationResult> BanAsync(long playerId, string reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(playerId, reason, actor, AuditActions.PlayerBanned, p => p.BannedAt is null, async (db, p, why, now) =>
        {
            p.BannedAt = now;
            p.BanReason = why;
            // A new ban earns a new notice, even if an earlier ban's notice went out today.
            p.BanNoticeAt = null;
            // Running games end now: nothing more is scored, and no timeout or reveal speaks to the player again.
            await GameSessions.EndAsync(db, await GameSessions.OpenOf(db, p.Id).ToListAsync(ct), now, ct);
        }, ct);

    /// <summary>Lifts the ban; everything bought stays (entitlements never depended on it).</summary>
    public Task<ModerationResult> UnbanAsync(long playerId, string reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(playerId, reason, actor, AuditActions.PlayerUnbanned, p => p.BannedAt is not null, (_, p, _, _) =>
        {
            p.BannedAt = null;
            p.BanReason = null;
            p.BanNoticeAt = null;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Holds the player out of leaderboards and tournament rankings (they still play) until restored.</summary>
    public Task<ModerationResult> HoldAsync(long playerId, string reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(playerId, reason, actor, AuditActions.PlayerRankingHeld, p => p.RankingHeldAt is null, (_, p, why, now) =>
        {
            p.RankingHeldAt = now;
            p.RankingHoldReason = why;
            return Task.CompletedTask;
        }, ct);

    public Task<ModerationResult> RestoreAsync(long playerId, string reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(playerId, reason, actor, AuditActions.PlayerRankingRestored, p => p.RankingHeldAt is not null, (_, p, _, _) =>
        {
            p.RankingHeldAt = null;
            p.RankingHoldReason = null;
            return Task.CompletedTask;
        }, ct);

    private async Task<ModerationResult> ChangeAsync(
        long playerId, string reason, string actor, string action, Func<Player, bool> applies,
        Func<QuizDbContext, Player, string, DateTimeOffset, Task> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return ModerationResult.ReasonRequired;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // FOR NO KEY UPDATE like PlayerLock: serialises with the player's own use-cases and other moderators.
        var player = (await db.Players.FromSqlInterpolated($"SELECT * FROM players WHERE id = {playerId} FOR NO KEY UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (player is null || player.DeletedAt is not null) return ModerationResult.NotFound;
        if (!applies(player)) return ModerationResult.AlreadyInThatState;

        await change(db, player, why.Length <= Player.MaxModerationReason ? why : why[..Player.MaxModerationReason], now);
        AuditLog.Record(db, actor, action, AuditLog.Player(playerId), why, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ModerationResult.Done;
    }
}
