using Microsoft.EntityFrameworkCore;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>
/// A standings read (the player's "Rangliste" and the game's closing words) is one SQL command with the tournament's
/// summary folded in (ADR 0019), live and final — and that summary equals the one the other use-cases read.
/// </summary>
public sealed class TournamentStandingsReadTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task A_standings_read_is_one_sql_command_with_the_same_summary_live_and_final()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var (playing, done, idle, outsider) = (await Kit.NewPlayerAsync("Lena"), await Kit.NewPlayerAsync("Max"),
            await Kit.NewPlayerAsync("Nora"), await Kit.NewPlayerAsync("Otto"));
        foreach (var player in new[] { playing, done, idle }) await T.JoinAsync(player, id);
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        var open = (await T.PlayAsync(playing, id)).SessionId!.Value;
        await Kit.AnswerAsync(open, playing, (await Kit.NextAsync(open, playing))!.Ordinal, correct: true);
        await Kit.PlayAsync((await T.PlayAsync(done, id)).SessionId!.Value, done, _ => true, TimeSpan.FromSeconds(1));

        foreach (var player in new[] { playing, done, idle, outsider })
        {
            var live = await OneCommandAsync(id, player);
            Assert.False(live.Final);
            Assert.Equal(await SummaryAsync(id, player), live.Tournament);
        }
        Assert.True((await OneCommandAsync(id, playing)).Tournament.AttemptOpen);
        Assert.Equal([done, playing], (await OneCommandAsync(id, idle)).Top.Select(l => l.PlayerId));

        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        foreach (var player in new[] { playing, done, idle, outsider })
        {
            var final = await OneCommandAsync(id, player);
            Assert.True(final.Final);
            Assert.Equal(await SummaryAsync(id, player), final.Tournament);
        }
        var mine = await OneCommandAsync(id, playing);
        Assert.Equal((2, 2, 3), (mine.Own!.Rank, mine.Ranked, mine.Tournament.Entrants));
        Assert.Null(await OneCommandAsync(Guid.NewGuid(), playing, expectFound: false));
    }

    [Fact]
    public async Task The_standings_of_a_chat_are_one_sql_command_and_those_of_its_player()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var (first, second, outsider) = (await Kit.NewPlayerAsync("Lena"), await Kit.NewPlayerAsync("Max"), await Kit.NewPlayerAsync("Otto"));
        foreach (var player in new[] { first, second }) await T.JoinAsync(player, id);
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        await Kit.PlayAsync((await T.PlayAsync(first, id)).SessionId!.Value, first, _ => true, TimeSpan.FromSeconds(1));
        await Kit.PlayAsync((await T.PlayAsync(second, id)).SessionId!.Value, second, _ => false, TimeSpan.FromSeconds(1));

        foreach (var player in new[] { first, second, outsider })
        {
            var ofChat = await OneCommandAsync(id, player, ofChat: true);
            var ofPlayer = await OneCommandAsync(id, player);
            Assert.Equal(ofPlayer.Own, ofChat.Own);
            Assert.Equal(ofPlayer.Tournament, ofChat.Tournament);
            Assert.Equal(ofPlayer.Top, ofChat.Top);
        }
        Assert.Equal(2, (await OneCommandAsync(id, second, ofChat: true)).Own!.Rank);
        Assert.Null((await OneCommandAsync(id, outsider, ofChat: true)).Own);
    }

    [Fact]
    public async Task A_tournaments_entrants_are_the_sum_of_its_score_buckets_not_a_count_of_its_entries()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var (joined, other) = (await Kit.NewPlayerAsync("Lena"), await Kit.NewPlayerAsync("Max"));
        await T.JoinAsync(joined, id);
        await T.JoinAsync(other, id);
        Assert.Equal(2, (await SummaryAsync(id, joined)).Entrants);

        // The buckets are the database's count (ADR 0019); a bucket that says more shows that they, not the entries, are read.
        await using (var db = T.Context())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE tournament_rank_buckets SET entries = entries + 1000 WHERE tournament_id = {id} AND points = -1 AND shard = {other % 16}");
        }
        Assert.Equal(1002, (await SummaryAsync(id, joined)).Entrants);
        Assert.Equal(1002, (await OneCommandAsync(id, joined)).Tournament.Entrants);
    }

    [Fact]
    public async Task The_consoles_rows_read_the_entrants_from_the_score_buckets_and_the_ranked_from_the_last_rank()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var (first, second, idle) = (await Kit.NewPlayerAsync("Lena"), await Kit.NewPlayerAsync("Max"), await Kit.NewPlayerAsync("Nora"));
        foreach (var player in new[] { first, second, idle }) await T.JoinAsync(player, id);
        Assert.Equal((3, 0), Counts(await T.Admin().GetAsync(id)));
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        await Kit.PlayAsync((await T.PlayAsync(first, id)).SessionId!.Value, first, _ => true, TimeSpan.FromSeconds(1));
        await Kit.PlayAsync((await T.PlayAsync(second, id)).SessionId!.Value, second, _ => false, TimeSpan.FromSeconds(1));
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        Assert.Equal((3, 2), Counts(await T.Admin().GetAsync(id)));

        // A bucket that says more shows that the buckets, not the entries, are read — in the list as on its own.
        await using (var db = T.Context())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE tournament_rank_buckets SET entries = entries + 1000 WHERE tournament_id = {id} AND points = -1 AND shard = {idle % 16}");
        }
        Assert.Equal((1003, 2), Counts(await T.Admin().GetAsync(id)));
        Assert.Equal((1003, 2), Counts((await T.Admin().ListAsync()).Single(r => r.Id == id)));
    }

    private static (int Entrants, int Ranked) Counts(TournamentRow? row) => (row!.Entrants, row.Ranked);

    private async Task<TournamentStandings> OneCommandAsync(Guid id, long player, bool expectFound = true, bool ofChat = false)
    {
        await using var scope = Core.Scope();
        var service = scope.Get<TournamentService>();
        var chat = ofChat ? await TelegramIdAsync(player) : 0;
        using var commands = new SqlCommands();
        var standings = await commands.CountAsync(() => ofChat ? service.StandingsOfChatAsync(id, chat) : service.StandingsAsync(id, player));
        Assert.Equal(1, commands.Counted);
        Assert.Equal(expectFound, standings is not null);
        return standings!;
    }

    private async Task<TournamentSummary> SummaryAsync(Guid id, long player)
    {
        await using var scope = Core.Scope();
        return (await scope.Get<TournamentService>().GetAsync(id, player))!;
    }

    private async Task<long> TelegramIdAsync(long player)
    {
        await using var db = T.Context();
        return await db.Players.Where(p => p.Id == player).Select(p => p.TelegramUserId).SingleAsync();
    }
}
