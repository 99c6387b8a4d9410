using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

public sealed class TournamentRaceTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Answers_racing_the_finish_either_count_in_the_snapshot_or_are_refused_never_both_never_lost()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 10);
        var players = new List<(long Player, Guid Session)>();
        for (var i = 0; i < 8; i++)
        {
            var p = await Kit.NewPlayerAsync($"R{i}");
            await T.JoinAsync(p, id);
            players.Add((p, Guid.Empty));
        }
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        for (var i = 0; i < players.Count; i++)
        {
            var session = (await T.PlayAsync(players[i].Player, id)).SessionId!.Value;
            players[i] = (players[i].Player, session);
            for (var q = 0; q < i % 3; q++)
            {
                var asked = (await Kit.NextAsync(session, players[i].Player))!;
                Time.Advance(TimeSpan.FromMilliseconds(500));
                await Kit.AnswerAsync(session, players[i].Player, asked.Ordinal, correct: true);
            }
            await Kit.NextAsync(session, players[i].Player);
        }
        Time.Advance(TimeSpan.FromSeconds(1));

        // Every player answers their open question while the operator ends the tournament.
        var answers = players.Select(async p =>
        {
            await using var db = Kit.Context();
            var ordinal = await db.SessionQuestions.Where(q => q.SessionId == p.Session).MaxAsync(q => q.Ordinal);
            return (p.Player, (await Kit.AnswerAsync(p.Session, p.Player, ordinal, correct: true)).Outcome);
        }).ToList();
        var finish = T.Admin().FinishNowAsync(id, TournamentKit.Operator);
        var outcomes = await Task.WhenAll(answers);
        Assert.Equal(TransitionOutcome.Changed, await finish);

        await using var check = Kit.Context();
        var results = await check.TournamentResults.Where(r => r.TournamentId == id).ToDictionaryAsync(r => r.PlayerId);
        foreach (var (player, outcome) in outcomes)
        {
            Assert.Contains(outcome, new[] { AnswerOutcome.Correct, AnswerOutcome.SessionClosed });
            var session = players.Single(p => p.Player == player).Session;
            var recorded = await check.AnswerEvents.Where(a => a.SessionId == session).ToListAsync();
            Assert.Equal(outcome == AnswerOutcome.Correct, recorded.Count == players.FindIndex(p => p.Player == player) % 3 + 1);
            // The snapshot holds exactly what was recorded: nothing counted after the end, nothing recorded left out.
            if (recorded.Count == 0) Assert.False(results.ContainsKey(player));
            else Assert.Equal((recorded.Sum(a => a.Points), recorded.Count(a => a.IsCorrect)), (results[player].Points, results[player].CorrectAnswers));
            Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(session)).State);
        }
    }
}
