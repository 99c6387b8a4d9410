using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.IntegrationTests.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>Tournament rankings leave out banned and held players: live, in the snapshot, and in a snapshot taken before the ban.</summary>
public sealed class RankedTournamentTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    private PlayerModeration Moderation => Core.Get<PlayerModeration>();

    /// <summary>A free running tournament the players played in the given order of strength (first: all correct, each next one fewer).</summary>
    private async Task<(Guid Id, List<long> Players)> PlayedAsync(params string[] names)
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 5);
        var players = new List<long>();
        foreach (var name in names)
        {
            var p = await Kit.NewPlayerAsync(name);
            players.Add(p);
            await T.JoinAsync(p, id);
        }
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        foreach (var (p, i) in players.Select((p, i) => (p, i)))
        {
            await Kit.PlayAsync((await T.PlayAsync(p, id)).SessionId!.Value, p, ordinal => ordinal < 5 - i, TimeSpan.FromSeconds(2));
        }
        return (id, players);
    }

    [Fact]
    public async Task A_snapshot_taken_before_a_ban_is_corrected_before_rewards_the_others_move_up_and_are_paid_once()
    {
        var (id, p) = await PlayedAsync("Schummler", "Anna", "Verdacht", "Cem", "Dora");
        var (cheat, anna, suspect, cem, dora) = (p[0], p[1], p[2], p[3], p[4]);
        Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        await using (var db = T.Context())
        {
            Assert.Equal([cheat, anna, suspect, cem, dora], await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Select(r => r.PlayerId).ToListAsync());
        }

        Assert.Equal(ModerationResult.Done, await Moderation.BanAsync(cheat, "Antworten in 200 ms", "Mona Moderatorin"));
        Assert.Equal(ModerationResult.Done, await Moderation.HoldAsync(suspect, "Gleichtakt mit Schummler", "anticheat"));
        for (var round = 0; round < 3; round++) await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => T.RewardAsync(id)));

        Assert.Equal(TournamentState.Rewarded, (await T.LoadAsync(id)).State);
        await using var check = T.Context();
        var results = await check.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Select(r => new { r.Rank, r.PlayerId, r.Reward }).ToListAsync();
        Assert.Equal([(1, anna, "Platz 1"), (2, cem, "Platz 2–3"), (3, dora, "Platz 2–3")], results.Select(r => (r.Rank, r.PlayerId, r.Reward!)));
        Assert.Equal((2, 5), (await T.HeldAsync(anna, AssetKind.TournamentTicket), await T.HeldAsync(anna, AssetKind.Joker)));
        Assert.Equal((1, 3), (await T.HeldAsync(cem, AssetKind.TournamentTicket), await T.HeldAsync(cem, AssetKind.Joker)));
        Assert.Equal((1, 3), (await T.HeldAsync(dora, AssetKind.TournamentTicket), await T.HeldAsync(dora, AssetKind.Joker)));
        Assert.Equal((0, 0), (await T.HeldAsync(cheat, AssetKind.TournamentTicket), await T.HeldAsync(cheat, AssetKind.Joker)));
        Assert.Equal((0, 0), (await T.HeldAsync(suspect, AssetKind.TournamentTicket), await T.HeldAsync(suspect, AssetKind.Joker)));
        Assert.Equal(6, await check.LedgerEntries.CountAsync(l => l.Reason == LedgerReason.Reward && l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:")));

        var corrected = Assert.Single(await AuditLog.ForSubjectAsync(check, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentRankingCorrected);
        Assert.Equal("worker", corrected.Actor);
        // The banned player hears nothing more; the held one still learns how it ended (not ranked).
        Assert.Equal(4, (await T.NoticeKeysAsync(id, TournamentNotices.Result)).Count);
        Assert.DoesNotContain($"tournament-result:{id:N}:{cheat}", await T.NoticeKeysAsync(id, TournamentNotices.Result));
        var final = (await T.StandingsAsync(id, suspect))!;
        Assert.Equal(["Anna", "Cem", "Dora"], final.Top.Select(l => l.FirstName));
        Assert.Equal((3, null), (final.Ranked, final.Own));
    }

    [Fact]
    public async Task A_player_banned_while_it_runs_is_out_of_the_live_standings_and_of_the_snapshot()
    {
        var (id, p) = await PlayedAsync("Schummler", "Anna", "Ben");
        Assert.Equal(["Schummler", "Anna", "Ben"], (await T.StandingsAsync(id, p[1]))!.Top.Select(l => l.FirstName));

        await Moderation.BanAsync(p[0], "Antworten in 200 ms", "Mona Moderatorin");

        var live = (await T.StandingsAsync(id, p[1]))!;
        Assert.Equal([(1, "Anna"), (2, "Ben")], live.Top.Select(l => (l.Rank, l.FirstName)));
        Time.Advance(TimeSpan.FromHours(2));
        await T.ClockAsync();
        await T.ClockAsync();
        await using var db = T.Context();
        Assert.Equal([p[1], p[2]], await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Select(r => r.PlayerId).ToListAsync());
        Assert.DoesNotContain(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentRankingCorrected);
    }
}
