using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>A running tournament attempt is never ended by starting another game (a ticket and a ranking are at stake).</summary>
public sealed class TournamentAttemptTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Other_games_and_duels_are_refused_while_the_attempt_runs_and_allowed_once_it_is_over()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var other = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3, title: "Zweites Turnier");
        var player = await Kit.NewPlayerAsync("Karl");
        await T.JoinAsync(player, id);
        await T.JoinAsync(player, other);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        await T.Admin().StartNowAsync(other, TournamentKit.Operator);
        var session = (await T.PlayAsync(player, id)).SessionId!.Value;
        var first = (await Kit.NextAsync(session, player))!;

        Assert.Equal(StartOutcome.TournamentInProgress, (await Kit.StartAsync(player, GameMode.Quick)).Outcome);
        Assert.Equal(StartOutcome.TournamentInProgress, (await Kit.StartAsync(player, GameMode.Daily)).Outcome);
        await using (var scope = Core.Scope())
        {
            Assert.Equal(DuelOutcome.TournamentInProgress, (await scope.Get<DuelService>().ChallengeAsync(player)).Outcome);
        }
        Assert.Equal(PlayOutcome.OtherTournamentInProgress, (await T.PlayAsync(player, other)).Outcome);
        await using (var db = Kit.Context())
        {
            Assert.Equal(SessionState.Active, (await db.GameSessions.SingleAsync(s => s.Id == session)).State);
            Assert.Equal(1, await db.GameSessions.CountAsync(s => s.PlayerId == player));
            Assert.False(await db.LedgerEntries.AnyAsync(l => l.PlayerId == player));
        }
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(AnswerOutcome.Correct, (await Kit.AnswerAsync(session, player, first.Ordinal, correct: true)).Outcome);

        // Played to the end: the other tournament and every other game are open again.
        await Kit.PlayAsync(session, player, _ => true);
        Assert.Equal(PlayOutcome.Started, (await T.PlayAsync(player, other)).Outcome);
    }

    [Fact]
    public async Task An_attempt_past_the_tournaments_end_no_longer_blocks_a_new_game()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var player = await Kit.NewPlayerAsync("Lotte");
        await T.JoinAsync(player, id);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        var session = (await T.PlayAsync(player, id)).SessionId!.Value;
        await Kit.NextAsync(session, player);

        Time.Advance(TimeSpan.FromHours(3));
        var start = await Kit.StartAsync(player, GameMode.Quick);

        Assert.Equal(StartOutcome.Started, start.Outcome);
        Assert.Equal(SessionState.Finished, (await Kit.SessionAsync(session)).State);
    }
}
