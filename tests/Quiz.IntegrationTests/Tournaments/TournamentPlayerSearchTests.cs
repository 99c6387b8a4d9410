using Quiz.Core.AntiCheat;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>The console's "Spieler suchen" in a Rangliste: the places are those of the ranking itself (live and final), with neighbours.</summary>
public sealed class TournamentPlayerSearchTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Finds_by_name_username_and_telegram_id_at_the_rankings_place_with_two_neighbours_each_side_live_and_final()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 4);
        var players = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            players.Add(await Kit.NewPlayerAsync($"Such{tag} {i}"));
        }
        var telegramId = Random.Shared.NextInt64(1, long.MaxValue);
        players.Add((await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegramId, "Zora", $"zora_{tag}", "de"))).Id);
        foreach (var player in players) await T.JoinAsync(player, id);
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        for (var i = 0; i < players.Count; i++)
        {
            var session = (await T.PlayAsync(players[i], id)).SessionId!.Value;
            await Kit.PlayAsync(session, players[i], o => o < i % 5, TimeSpan.FromSeconds(1 + i));
        }
        await Core.Get<PlayerModeration>().BanAsync(players[3], "Skript", "Mona Moderatorin");
        var search = Core.Get<TournamentPlayerSearch>();

        foreach (var final in (bool[])[false, true])
        {
            if (final)
            {
                Time.Advance(TimeSpan.FromHours(2));
                Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
            }
            var standings = (await T.StandingsAsync(id, players[0]))!;
            Assert.Equal((final, 9), (standings.Final, standings.Ranked));
            var byRank = standings.Top.ToDictionary(l => l.Rank);

            // The player's own place in the Rangliste, and the places around it exactly as the Rangliste has them.
            foreach (var (term, player) in (IEnumerable<(string, long)>)[($"such{tag} 6", players[6]), ($"@ZORA_{tag}", players[9]), (telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), players[9])])
            {
                var found = (await search.FindAsync(id, term))!;
                Assert.Equal(final, found.Final);
                var hit = Assert.Single(found.Lines, l => l.Hit);
                Assert.Equal(player, hit.Line.PlayerId);
                var rank = standings.Top.Single(l => l.PlayerId == player).Rank;
                Assert.Equal(rank, hit.Line.Rank);
                var expected = Enumerable.Range(rank - 2, 5).Where(byRank.ContainsKey).Select(r => byRank[r]).ToList();
                Assert.Equal(expected, found.Lines.Select(l => l.Line));
            }
            Assert.Equal($"zora_{tag}", (await search.FindAsync(id, telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture)))!.Lines.Single(l => l.Hit).Username);

            // A banned player is not in the Rangliste, so not found; a wildcard is a character, not "everyone".
            Assert.Empty((await search.FindAsync(id, $"Such{tag} 3"))!.Lines);
            Assert.Empty((await search.FindAsync(id, $"Such{tag}%"))!.Lines);
            Assert.Empty((await search.FindAsync(id, "   "))!.Lines);
            // Many matches: the best five, each with its neighbours (blocks may touch).
            var many = (await search.FindAsync(id, $"such{tag}"))!;
            Assert.Equal(TournamentPlayerSearch.MaxHits, many.Hits);
            Assert.Equal(many.Lines.Select(l => l.Line.Rank).Order(), many.Lines.Select(l => l.Line.Rank));
            Assert.Equal(many.Lines.Count, many.Lines.Select(l => l.Line.Rank).Distinct().Count());
        }
        Assert.Null(await search.FindAsync(Guid.NewGuid(), "Zora"));
    }
}
