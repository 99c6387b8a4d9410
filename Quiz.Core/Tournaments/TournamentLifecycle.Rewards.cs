using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

public sealed partial class TournamentLifecycle
{
    /// <summary>Snapshot lines paid per batch transaction (ADR 0015).</summary>
    internal int RewardBatch { get; init; } = 2_000;

    /// <summary>
    /// FINISHED → REWARDED, in three kinds of transaction, each under the tournament's row lock (ADR 0015):
    /// the first corrects the snapshot (players banned or held out since the finish; the others move up)
    /// and freezes it (<see cref="Tournament.RewardsStartedAt"/>); then batches in rank order pay each ranked
    /// player their tier's entitlements (ledger keys unique per tournament, player and asset) and advance
    /// <see cref="Tournament.RewardedThroughRank"/>; the last writes one result notice per entrant in one
    /// statement and changes the state. A killed worker loses only its open batch; whoever comes next —
    /// the clock, a second worker, the console — continues after the last committed one, and a batch
    /// repeated anyway pays nothing twice (the unique ledger keys).
    /// </summary>
    /// <param name="operatorName">The console user issuing them by hand (recorded in the audit log); null for the clock.</param>
    public async Task<TransitionOutcome> IssueRewardsAsync(Guid id, string? operatorName = null, CancellationToken ct = default)
    {
        var begun = await BeginRewardsAsync(id, operatorName, ct);
        if (begun != TransitionOutcome.Changed) return begun;
        while (await PayNextBatchAsync(id, ct))
        {
        }
        return await CompleteRewardsAsync(id, operatorName, ct);
    }

    private async Task<TransitionOutcome> BeginRewardsAsync(Guid id, string? operatorName, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        if (t.State != TournamentState.Finished) return TransitionOutcome.NoChange;
        if (t.RewardsStartedAt is not null) return TransitionOutcome.Changed;

        // The tiers written into the snapshot at the finish are what is paid out — after taking out whoever was
        // banned or held out of rankings since then (the others move up); from here on the snapshot stays as it is.
        if (await TournamentRanking.CorrectSnapshotAsync(db, id, TournamentRewards.Of(t.RewardTiers), ct) is > 0 and var removed)
        {
            AuditLog.Record(db, operatorName ?? AuditActors.Worker, AuditActions.TournamentRankingCorrected, AuditLog.Tournament(id),
                $"{GermanCount.Of(removed, "gesperrter oder zurückgestellter Spieler", "gesperrte oder zurückgestellte Spieler")} aus der Wertung genommen", now);
        }
        t.RewardsStartedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    /// <summary>Pays the next rank range after <see cref="Tournament.RewardedThroughRank"/>; false when there is nothing left.</summary>
    private async Task<bool> PayNextBatchAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is not { State: TournamentState.Finished, RewardsStartedAt: not null }) return false;
        var last = await LastRewardedRankAsync(id, ct);
        if (t.RewardedThroughRank >= last) return false;

        var from = t.RewardedThroughRank + 1;
        var to = (int)Math.Min((long)from + RewardBatch - 1, last);
        // The tiers cannot change any more: only a DRAFT or SCHEDULED tournament is edited.
        var (tiers, kinds, amounts) = TournamentBulkSql.TierItems(TournamentRewards.Of(t.RewardTiers));
        var order = TournamentBulkSql.KindsInLockOrder();
        NpgsqlParameter[] Batch() => [Uuid(id), Int(from), Int(to), TextArray(tiers), TextArray(kinds), IntArray(amounts), TextArray(order)];
        await ExecuteAsync(db, TournamentBulkSql.EnsureEntitlements, [.. Batch(), Time(now)], ct);
        await ExecuteAsync(db, TournamentBulkSql.LockEntitlements, Batch(), ct);
        await ExecuteAsync(db, TournamentBulkSql.Pay, [.. Batch(), Time(now), Text($"tournament-reward:{id:N}:")], ct);
        t.RewardedThroughRank = to;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<TransitionOutcome> CompleteRewardsAsync(Guid id, string? operatorName, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        // Another caller completed it, or a batch is still missing (the next call pays it).
        if (t.State != TournamentState.Finished || t.RewardsStartedAt is null || t.RewardedThroughRank < await LastRewardedRankAsync(id, ct))
        {
            return TransitionOutcome.NoChange;
        }
        var ranked = await db.TournamentResults.CountAsync(r => r.TournamentId == id, ct);
        var rewarded = await db.TournamentResults.CountAsync(r => r.TournamentId == id && r.Reward != null, ct);
        // Every entrant hears how it ended — with place and reward, or that they were not ranked.
        await ExecuteAsync(db, TournamentBulkSql.ResultNotices, [Uuid(id), Time(now), Text($"tournament-result:{id:N}:"), Int(ranked)], ct);
        t.State = TournamentState.Rewarded;
        t.RewardedAt = now;
        if (operatorName is not null) AuditLog.Record(db, operatorName, AuditActions.TournamentRewarded, AuditLog.Tournament(id), $"{rewarded} belohnt", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    private async Task<int> LastRewardedRankAsync(Guid id, CancellationToken ct) =>
        await db.TournamentResults.Where(r => r.TournamentId == id && r.Reward != null).MaxAsync(r => (int?)r.Rank, ct) ?? 0;
}
