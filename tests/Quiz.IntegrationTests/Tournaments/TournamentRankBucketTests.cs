using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// The live place read from the score buckets (ADR 0019) against the definitive order: every entry ranked in memory by
/// <see cref="ResultOrder.Standard"/> after random scores with many ties, moves between buckets, entrants without an
/// answer and players rankings leave out — the console's player search included —; and the buckets stay equal to a recount
/// while players answer concurrently.
/// </summary>
public sealed class TournamentRankBucketTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Live_places_from_the_buckets_equal_the_definitive_order_for_random_scores_ties_and_left_out_players()
    {
        var (id, players) = await PlayingAsync(40, questions: 4);
        var random = new Random(14);
        // Two rounds of random standings (the second moves entries between buckets and back to "not answered"):
        // few distinct points and times, so buckets are shared and ties go down to the finish and the player id.
        for (var round = 0; round < 2; round++)
        {
            await using var db = T.Context();
            foreach (var player in players.Skip(1))
            {
                var answered = random.Next(8) > 0;
                var points = answered ? random.Next(4) * 100 : 0;
                var ms = 1000L * random.Next(1, 4);
                DateTimeOffset? finished = random.Next(3) == 0 ? null : Time.GetUtcNow().AddSeconds(random.Next(2));
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE tournament_entries SET answered = {answered}, points = {points}, total_answer_ms = {ms}, finished_at = {finished}
                    WHERE tournament_id = {id} AND player_id = {player}
                    """);
            }
        }
        var moderation = Core.Get<PlayerModeration>();
        await moderation.BanAsync(players[3], "Skript", "Mona Moderatorin");
        await moderation.BanAsync(players[17], "Skript", "Mona Moderatorin");

        await AssertBucketsMatchRecountAsync(id);
        var reference = await ReferenceAsync(id);
        Assert.True(reference.GroupBy(r => (r.Points, r.TotalAnswerMs)).Count(g => g.Count() > 2) >= 3, "the fixture must tie within buckets");
        await AssertEveryPlaceAsync(id, players, reference);
        await AssertEverySearchAsync(id, players, reference);
    }

    [Fact]
    public async Task Buckets_stay_exact_while_players_answer_concurrently_and_places_equal_the_definitive_order_afterwards()
    {
        var (id, players) = await PlayingAsync(12, questions: 5);
        var sessions = new Dictionary<long, Guid>();
        foreach (var player in players) sessions[player] = (await T.PlayAsync(player, id)).SessionId!.Value;
        using var answering = new CancellationTokenSource();
        // Readers keep reading while the answers are written: every read must be whole (places 1…n, own place within the ranked).
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            var reads = 0;
            for (var i = r; !answering.IsCancellationRequested || reads == 0; i++, reads++)
            {
                var standings = (await T.StandingsAsync(id, players[i % players.Count]))!;
                Assert.Equal(Enumerable.Range(1, standings.Top.Count), standings.Top.Select(l => l.Rank));
                if (standings.Own is { } own) Assert.InRange(own.Rank, 1, standings.Ranked);
            }
            return reads;
        })).ToList();
        for (var q = 0; q < 5; q++)
        {
            var round = q;
            await Task.WhenAll(players.Select((player, i) => Task.Run(async () =>
            {
                var asked = await Kit.NextAsync(sessions[player], player);
                if (asked is not null) await Kit.AnswerAsync(sessions[player], player, asked.Ordinal, correct: (i + round) % 3 != 0);
            })));
        }
        await answering.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));

        await AssertBucketsMatchRecountAsync(id);
        await AssertEveryPlaceAsync(id, players, await ReferenceAsync(id));
    }

    /// <summary>A started tournament with <paramref name="count"/> entrants (one of them never plays: an entrant, not ranked).</summary>
    private async Task<(Guid Id, List<long> Players)> PlayingAsync(int count, int questions)
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions);
        var players = new List<long>();
        for (var i = 0; i < count; i++)
        {
            players.Add(await Kit.NewPlayerAsync($"B{i:00}"));
            await T.JoinAsync(players[i], id);
        }
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        foreach (var player in players.Skip(1)) Assert.Equal(PlayOutcome.Started, (await T.PlayAsync(player, id)).Outcome);
        return (id, players);
    }

    private async Task AssertEveryPlaceAsync(Guid id, List<long> players, List<RankedResult> reference)
    {
        foreach (var player in players)
        {
            var standings = (await T.StandingsAsync(id, player))!;
            Assert.Equal((reference.Count, players.Count), (standings.Ranked, standings.Tournament.Entrants));
            Assert.Equal(reference.Take(TournamentService.TopLines).Select((r, i) => (i + 1, r.PlayerId)), standings.Top.Select(l => (l.Rank, l.PlayerId)));
            var place = reference.FindIndex(r => r.PlayerId == player);
            Assert.Equal(place < 0 ? null : place + 1, standings.Own?.Rank);
        }
    }

    /// <summary>The console's search (by Telegram id) finds each ranked player at its place with the two places either side.</summary>
    private async Task AssertEverySearchAsync(Guid id, List<long> players, List<RankedResult> reference)
    {
        await using var db = T.Context();
        var telegram = await db.Players.Where(p => players.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.TelegramUserId);
        var search = Core.Get<TournamentPlayerSearch>();
        foreach (var player in players)
        {
            var found = (await search.FindAsync(id, telegram[player].ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            var place = reference.FindIndex(r => r.PlayerId == player);
            var around = Enumerable.Range(place - 2, 5).Where(i => place >= 0 && i >= 0 && i < reference.Count);
            Assert.Equal(around.Select(i => (i + 1, reference[i].PlayerId, reference[i].PlayerId == player)),
                found.Lines.Select(l => (l.Line.Rank, l.Line.PlayerId, l.Hit)));
        }
    }

    /// <summary>The definitive order: every answered entry of a ranked player, sorted in memory.</summary>
    private async Task<List<RankedResult>> ReferenceAsync(Guid id)
    {
        await using var db = T.Context();
        var entries = await db.TournamentEntries.Where(e => e.TournamentId == id && e.Answered)
            .Join(db.Players.Where(RankedPlayers.Predicate), e => e.PlayerId, p => p.Id, (e, _) => e).AsNoTracking().ToListAsync();
        return [.. entries.Select(e => new RankedResult(e.PlayerId, e.Points, e.CorrectAnswers, e.TotalAnswerMs, e.FinishedAt ?? DateTimeOffset.MaxValue))
            .Order(ResultOrder.Standard)];
    }

    /// <summary>The trigger-kept buckets equal a recount of the entries (no lost or doubled move).</summary>
    private async Task AssertBucketsMatchRecountAsync(Guid id)
    {
        await using var db = T.Context();
        var kept = await db.Database.SqlQuery<string>($"""
            SELECT string_agg(points || ':' || n, ',' ORDER BY points) AS "Value"
            FROM (SELECT points, sum(entries) AS n FROM tournament_rank_buckets WHERE tournament_id = {id} GROUP BY points HAVING sum(entries) > 0) b
            """).SingleAsync();
        var recount = await db.Database.SqlQuery<string>($"""
            SELECT string_agg(points || ':' || n, ',' ORDER BY points) AS "Value"
            FROM (SELECT CASE WHEN answered THEN points ELSE -1 END AS points, count(*) AS n FROM tournament_entries
                  WHERE tournament_id = {id} GROUP BY 1) e
            """).SingleAsync();
        Assert.Equal(recount, kept);
    }
}
