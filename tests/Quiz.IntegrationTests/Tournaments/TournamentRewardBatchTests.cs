using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Game.Selection;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// Rewards in batches (ADR 0015) on real PostgreSQL: workers racing each other and a worker killed in the middle of
/// a batch (its backend terminated while it waits for an entitlement row) — every ranked player is paid once,
/// every entrant gets one result notice that carries their place.
/// </summary>
public sealed class TournamentRewardBatchTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    private const int Entrants = 120;
    private const int Batch = 2;

    [Fact]
    public async Task Four_workers_racing_pay_every_batch_once_and_write_one_notice_with_its_place_per_entrant()
    {
        var (id, ranking) = await FinishedAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RewardAsync(id))));

        Assert.Equal(1, outcomes.Count(o => o == TransitionOutcome.Changed));
        await AssertPaidOnceAsync(id, ranking);
    }

    [Fact]
    public async Task Four_workers_racing_pay_a_tournaments_own_tiers_once_by_the_tier_names_of_its_snapshot()
    {
        // Platz 1, Platz 3 and the best half of 120: 60 lines rewarded in 30 batches, rank 2 by the share.
        var tiers = TournamentRewardTierTests.Own;
        var (id, ranking) = await FinishedAsync(tiers);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RewardAsync(id))));

        Assert.Equal(1, outcomes.Count(o => o == TransitionOutcome.Changed));
        await AssertPaidOnceAsync(id, ranking, tiers: tiers, rewarded: 60);
    }

    [Fact]
    public async Task A_worker_killed_inside_a_batch_loses_only_that_batch_and_the_next_worker_pays_the_rest_once()
    {
        var (id, ranking) = await FinishedAsync();
        // Rank 6 is the second line of the third batch (ranks 5–6); another transaction holds its joker row.
        var blocked = ranking[5];
        await GrantAsync(blocked, AssetKind.Joker, 1);
        await using var blocker = new NpgsqlConnection(Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM entitlements WHERE player_id = {blocked} AND kind = 'joker' FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var worker = Task.Run(() => RewardAsync(id));
        await using var observer = new NpgsqlConnection(Database.ConnectionString);
        await observer.OpenAsync();
        var pid = await LockWaits.WaitingBackendAsync(observer, "%FOR UPDATE OF e%", worker);
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", observer)) await kill.ExecuteScalarAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => worker);
        await hold.RollbackAsync();

        // Two batches committed, the third rolled back with the worker: nothing of it, nothing after it.
        var t = await LoadAsync(id);
        Assert.Equal((TournamentState.Finished, 4), (t.State, t.RewardedThroughRank));
        await using (var db = Database.CreateContext())
        {
            var paid = await db.LedgerEntries.Where(l => l.Reason == LedgerReason.Reward && l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:"))
                .Select(l => l.PlayerId).Distinct().ToListAsync();
            Assert.Equal(ranking.Take(4).Order(), paid.Order());
        }

        Assert.Equal(TransitionOutcome.Changed, await RewardAsync(id));
        Assert.Equal(TransitionOutcome.NoChange, await RewardAsync(id));
        await AssertPaidOnceAsync(id, ranking, extraJokers: (blocked, 1));
    }

    private async Task<TransitionOutcome> RewardAsync(Guid id)
    {
        await using var scope = Core.Scope();
        var lifecycle = new TournamentLifecycle(scope.Get<QuizDbContext>(), Time, scope.Get<SharedSetSeeds>()) { RewardBatch = Batch };
        return await lifecycle.IssueRewardsAsync(id);
    }

    private async Task AssertPaidOnceAsync(
        Guid id, List<long> ranking, (long Player, int Jokers)? extraJokers = null, IReadOnlyList<RewardTier>? tiers = null, int rewarded = 12)
    {
        Assert.Equal(TournamentState.Rewarded, (await LoadAsync(id)).State);
        await using var db = Database.CreateContext();
        var results = await db.TournamentResults.AsNoTracking().Where(r => r.TournamentId == id).OrderBy(r => r.Rank).ToListAsync();
        Assert.Equal(ranking, results.Select(r => r.PlayerId));
        var ledger = await db.LedgerEntries.AsNoTracking().Where(l => l.Reason == LedgerReason.Reward && l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:")).ToListAsync();
        var expected = results.Where(r => r.Reward != null)
            .SelectMany(r => TournamentRewards.Of(tiers).Single(t => t.Name == r.Reward).Items.Select(i => (r.PlayerId, i.Kind, i.Amount))).OrderBy(x => x).ToList();
        Assert.Equal(rewarded, results.Count(r => r.Reward != null));
        Assert.Equal(expected, ledger.Select(l => (l.PlayerId, l.Kind, l.Delta)).OrderBy(x => x));
        foreach (var (player, kind, amount) in expected)
        {
            var extra = extraJokers is { } x && x.Player == player && kind == AssetKind.Joker ? x.Jokers : 0;
            Assert.Equal(amount + extra, await db.Entitlements.Where(e => e.PlayerId == player && e.Kind == kind).Select(e => e.Uses).SingleAsync());
        }

        var notices = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Notice && m.IdempotencyKey!.StartsWith($"tournament-result:{id:N}:")).ToListAsync();
        Assert.Equal(Entrants, notices.Count);
        Assert.All(notices, n => Assert.Equal(OutboxLanes.OfNotice(TournamentNotices.Result), n.Lane));
        foreach (var notice in notices)
        {
            var payload = OutboxWriter.ReadPayload<NoticePayload>(notice.Payload);
            var line = results.Single(r => notice.IdempotencyKey == $"tournament-result:{id:N}:{r.PlayerId}");
            Assert.Equal((TournamentNotices.Result, id), (payload.Topic, payload.SubjectId!.Value));
            Assert.Equal(new NoticePlace(Entrants, line.Rank, line.Points, line.CorrectAnswers, line.Reward), payload.Place);
        }
    }

    /// <summary>A finished tournament whose snapshot ranks <see cref="Entrants"/> new players, tiers as the finish writes them (12 rewarded lines).</summary>
    private async Task<(Guid Id, List<long> Ranking)> FinishedAsync(IReadOnlyList<RewardTier>? tiers = null)
    {
        var kit = new EconomyKit(Core);
        var ranking = new List<long>();
        for (var i = 0; i < Entrants; i++) ranking.Add((await kit.NewPlayerAsync()).PlayerId);
        var now = Time.GetUtcNow();
        var id = Guid.NewGuid();
        await using var db = Database.CreateContext();
        var set = new QuestionSet { Id = Guid.NewGuid(), Kind = QuestionSetKind.Tournament, Key = id.ToString("N"), Seed = 1, CreatedAt = now };
        db.QuestionSets.Add(set);
        db.Tournaments.Add(new Tournament
        {
            Id = id, Title = "Großturnier", State = TournamentState.Finished, EntryFee = TournamentEntryFee.Free, QuestionCount = 5,
            StartsAt = now.AddHours(-3), EndsAt = now.AddHours(-1), QuestionSetId = set.Id, CreatedBy = "test", CreatedAt = now.AddHours(-4),
            StartedAt = now.AddHours(-3), FinishedAt = now.AddHours(-1), RewardTiers = tiers?.ToList(),
        });
        for (var rank = 1; rank <= Entrants; rank++)
        {
            var points = 1000 - rank;
            db.TournamentEntries.Add(new TournamentEntry { TournamentId = id, PlayerId = ranking[rank - 1], JoinedAt = now.AddHours(-4) });
            db.TournamentResults.Add(new TournamentResult
            {
                TournamentId = id, PlayerId = ranking[rank - 1], Rank = rank, Points = points, CorrectAnswers = 3, TotalAnswerMs = 4000,
                Reward = TournamentRanking.RewardOf(rank, Entrants, points, tiers),
            });
        }
        await db.SaveChangesAsync();
        return (id, ranking);
    }

    private async Task GrantAsync(long player, AssetKind kind, int amount)
    {
        await using var db = Database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await Wallet.GrantAsync(db, player, kind, amount, LedgerReason.Adjustment, $"test:{Guid.NewGuid():N}", null, Time.GetUtcNow(), default);
        await tx.CommitAsync();
    }

    private async Task<Tournament> LoadAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Tournaments.AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
