using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// The ranking computed in the database (ADR 0015) against the reference: every counted attempt read from its
/// session and answers, ranked in memory by <see cref="ResultOrder.Standard"/> — exact ties on points, answer
/// time and finish, open attempts, a banned player and an entrant without an answer included.
/// </summary>
public sealed class TournamentRankingSqlTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Live_ranking_snapshot_and_each_players_own_place_equal_the_reference_order_with_every_tie_break()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 4);
        var players = new List<long>();
        for (var i = 0; i < 15; i++)
        {
            players.Add(await Kit.NewPlayerAsync($"P{i:00}"));
            await T.JoinAsync(players[i], id);
        }
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        for (var i = 0; i < players.Count; i++)
        {
            var session = (await T.PlayAsync(players[i], id)).SessionId!.Value;
            switch (i % 5)
            {
                case 0 or 1: // Pairs answering at the same instant: equal points, time and finish — the player id decides.
                    await Kit.PlayAsync(session, players[i], _ => true, TimeSpan.Zero);
                    break;
                case 2: // Two answers, still open: last among equals (and equal to each other: the player id decides).
                    for (var q = 0; q < 2; q++)
                    {
                        var asked = (await Kit.NextAsync(session, players[i]))!;
                        Time.Advance(TimeSpan.FromSeconds(2));
                        await Kit.AnswerAsync(session, players[i], asked.Ordinal, correct: q == 0);
                    }
                    break;
                case 3: // Equal points and time, finished at different times.
                    await Kit.PlayAsync(session, players[i], o => o != 1, TimeSpan.FromSeconds(2));
                    break;
                default: // Started, never answered: not ranked.
                    break;
            }
        }
        await Core.Get<PlayerModeration>().BanAsync(players[5], "Skript", "Mona Moderatorin");

        await AssertStandingsMatchReferenceAsync(id, players, final: false);
        Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        await AssertStandingsMatchReferenceAsync(id, players, final: true);
    }

    private async Task AssertStandingsMatchReferenceAsync(Guid id, List<long> players, bool final)
    {
        var reference = await ReferenceAsync(id);
        Assert.Equal(11, reference.Count);
        foreach (var player in players)
        {
            var standings = (await T.StandingsAsync(id, player))!;
            Assert.Equal(final, standings.Final);
            Assert.Equal(reference.Count, standings.Ranked);
            Assert.Equal(reference.Take(TournamentService.TopLines).Select((r, i) => (i + 1, r.PlayerId, r.Points, r.TotalAnswerMs)),
                standings.Top.Select(l => (l.Rank, l.PlayerId, l.Points, l.TotalAnswerMs)));
            var place = reference.FindIndex(r => r.PlayerId == player);
            (int, int, int)? expected = place < 0 ? null : (place + 1, reference[place].Points, reference[place].CorrectAnswers);
            Assert.Equal(expected, standings.Own is { } own ? (own.Rank, own.Points, own.CorrectAnswers) : null);
        }
    }

    /// <summary>The ranking as it was computed before ADR 0015: from the sessions and their answers, in memory.</summary>
    private async Task<List<RankedResult>> ReferenceAsync(Guid id)
    {
        await using var db = T.Context();
        var rows = await (
            from e in db.TournamentEntries
            where e.TournamentId == id && e.SessionId != null
            join s in db.GameSessions on e.SessionId equals s.Id
            join p in db.Players.Where(RankedPlayers.Predicate) on e.PlayerId equals p.Id
            where db.AnswerEvents.Any(a => a.SessionId == s.Id && a.ChosenPosition != null)
            select new { e, s.Score, s.CorrectCount, s.FinishedAt, TotalMs = db.AnswerEvents.Where(a => a.SessionId == s.Id).Sum(a => (long)a.AnswerMs) })
            .AsNoTracking().ToListAsync();
        // The entry's standing, kept by the triggers, is the session's.
        foreach (var r in rows) Assert.Equal((r.Score, r.CorrectCount, r.TotalMs, r.FinishedAt, true), (r.e.Points, r.e.CorrectAnswers, r.e.TotalAnswerMs, r.e.FinishedAt, r.e.Answered));
        var ties = rows.GroupBy(r => (r.Score, r.TotalMs)).Count(g => g.Count() > 1);
        Assert.True(ties >= 2, "the fixture must produce ties on points and answer time");
        return [.. rows.Select(r => new RankedResult(r.e.PlayerId, r.Score, r.CorrectCount, r.TotalMs, r.FinishedAt ?? DateTimeOffset.MaxValue)).Order(ResultOrder.Standard)];
    }
}
