using Quiz.Core.Game;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Game.Stats;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Game.Stats;

/// <summary>Tagesquiz boards. Each test plays on its own Berlin days, so the shared database never mixes them.</summary>
public sealed class DailyBoardTests(PostgresDatabase database) : CoreTests(database, DateTimeOffset.UnixEpoch)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await EnsureQuestionsAsync(db, DateTimeOffset.UnixEpoch);
    }

    /// <summary>The boards as read at <paramref name="now"/> (the clock only moves forward: a test reads in time order).</summary>
    private Leaderboards Boards(DateTimeOffset now)
    {
        Time.SetUtcNow(now);
        return Core.Get<Leaderboards>();
    }

    [Fact]
    public async Task Today_board_breaks_ties_by_total_answer_time_then_finish_then_player_id()
    {
        var day = new DateOnly(2026, 5, 4);
        var at = Utc(2026, 5, 4, 10);
        await using var db = Database.CreateContext();
        var slow = await PlayerAsync(db, "Langsam");
        var late = await PlayerAsync(db, "Später");
        var fast = await PlayerAsync(db, "Flink");
        var twinA = await PlayerAsync(db, "Zwilling A");
        var twinB = await PlayerAsync(db, "Zwilling B");
        var top = await PlayerAsync(db, "Spitze");
        var playing = await PlayerAsync(db, "Noch dran");
        await DailyAsync(db, slow, day, 900, at, [4000, 4000, 2000]);          // 10 000 ms
        await DailyAsync(db, late, day, 900, at.AddMinutes(1), [3000, 3000]);   // 6 000 ms, finished later
        await DailyAsync(db, fast, day, 900, at, [3000, 3000]);                 // 6 000 ms
        await DailyAsync(db, twinB, day, 500, at, [1000]);
        await DailyAsync(db, twinA, day, 500, at, [1000]);
        await DailyAsync(db, top, day, 1000, at, [19000]);
        await DailyAsync(db, playing, day, 1400, at, [100], SessionState.Active);
        await DailyAsync(db, top, day.AddDays(-1), 1500, at.AddDays(-1), [100]);
        await GameAsync(db, slow, GameMode.Quick, 1500, 10, at, [100]);

        var board = await Boards(at.AddHours(1)).GetAsync(BoardKind.Today, fast.Id);

        Assert.Equal(["Spitze", "Flink", "Später", "Langsam", "Zwilling A", "Zwilling B"], board.Top.Select(e => e.FirstName));
        Assert.Equal([1, 2, 3, 4, 5, 6], board.Top.Select(e => e.Rank));
        Assert.Equal(new BoardEntry(2, fast.Id, "Flink", 900, 9, 6000, 1), board.Me);
        Assert.Equal((6, day, day), (board.Participants, board.From, board.To));
    }

    [Fact]
    public async Task Today_board_orders_exactly_like_ResultOrder_Standard()
    {
        var day = new DateOnly(2026, 5, 5);
        var random = new Random(4242);
        var expected = new List<RankedResult>();
        await using var db = Database.CreateContext();
        for (var i = 0; i < 40; i++)
        {
            var player = await PlayerAsync(db, $"P{i}");
            var finished = Utc(2026, 5, 5, 12, random.Next(3));
            int[] ms = [random.Next(1, 3) * 1000, random.Next(1, 3) * 1000];
            var score = random.Next(3) * 100;
            await DailyAsync(db, player, day, score, finished, ms);
            expected.Add(new RankedResult(player.Id, score, score / 100, ms.Sum(), finished));
        }
        expected.Sort(ResultOrder.Standard);

        var boards = Boards(Utc(2026, 5, 5, 20));

        var all = await boards.GetAsync(BoardKind.Today, expected[0].PlayerId, top: 100);
        Assert.Equal(expected.Select(r => r.PlayerId), all.Top.Select(e => e.PlayerId));
        for (var i = 0; i < expected.Count; i++)
        {
            var board = await boards.GetAsync(BoardKind.Today, expected[i].PlayerId, top: 3);
            Assert.Equal(expected.Take(3).Select(r => r.PlayerId), board.Top.Select(e => e.PlayerId));
            Assert.Equal((i + 1, expected[i].PlayerId, expected[i].TotalAnswerMs), (board.Me!.Rank, board.Me.PlayerId, board.Me.TotalAnswerMs));
        }
    }

    [Fact]
    public async Task Today_board_shows_the_top_ten_and_the_players_own_line_below_them()
    {
        var day = new DateOnly(2026, 5, 6);
        await using var db = Database.CreateContext();
        var players = new List<Core.Players.Player>();
        for (var i = 0; i < 13; i++)
        {
            var player = await PlayerAsync(db, $"Platz {i + 1}");
            await DailyAsync(db, player, day, 1300 - 100 * i, Utc(2026, 5, 6, 9), [1000]);
            players.Add(player);
        }
        var outsider = await PlayerAsync(db, "Zuschauer");
        var boards = Boards(Utc(2026, 5, 6, 18));

        var board = await boards.GetAsync(BoardKind.Today, players[11].Id);
        var watching = await boards.GetAsync(BoardKind.Today, outsider.Id);

        Assert.Equal((10, 13), (board.Top.Count, board.Participants));
        Assert.Equal((12, "Platz 12"), (board.Me!.Rank, board.Me.FirstName));
        Assert.Null(watching.Me);
        Assert.Equal(13, watching.Participants);
    }

    [Fact]
    public async Task Today_is_the_Berlin_day_even_when_it_is_still_yesterday_in_UTC()
    {
        // 23:30 UTC on 7 May is 01:30 on 8 May in Berlin (CEST).
        var now = Utc(2026, 5, 7, 23, 30);
        await using var db = Database.CreateContext();
        var early = await PlayerAsync(db, "Frühaufsteher");
        var evening = await PlayerAsync(db, "Abendspieler");
        await DailyAsync(db, early, new DateOnly(2026, 5, 8), 700, Utc(2026, 5, 7, 22, 10), [1000]);
        await DailyAsync(db, evening, new DateOnly(2026, 5, 7), 900, Utc(2026, 5, 7, 21, 50), [1000]);

        var board = await Boards(now).GetAsync(BoardKind.Today, early.Id);

        Assert.Equal(["Frühaufsteher"], board.Top.Select(e => e.FirstName));
        Assert.Equal(new DateOnly(2026, 5, 8), board.From);
    }

    [Fact]
    public async Task Week_board_sums_the_daily_scores_of_the_Berlin_week_across_the_autumn_clock_change()
    {
        // Monday 19 Oct to Sunday 25 Oct 2026; the clocks go back on the Sunday.
        await using var db = Database.CreateContext();
        var steady = await PlayerAsync(db, "Stetig");
        var burst = await PlayerAsync(db, "Einmalig");
        var twinA = await PlayerAsync(db, "Gleich A");
        var twinB = await PlayerAsync(db, "Gleich B");
        await DailyAsync(db, steady, new DateOnly(2026, 10, 18), 1000, Utc(2026, 10, 18, 9), [1000]);  // Sunday before
        await DailyAsync(db, steady, new DateOnly(2026, 10, 19), 600, Utc(2026, 10, 19, 9), [1000]);
        await DailyAsync(db, steady, new DateOnly(2026, 10, 22), 600, Utc(2026, 10, 22, 9), [1000]);
        await DailyAsync(db, steady, new DateOnly(2026, 10, 25), 600, Utc(2026, 10, 25, 22, 30), [1000]); // 23:30 CET Sunday
        await DailyAsync(db, steady, new DateOnly(2026, 10, 26), 1000, Utc(2026, 10, 25, 23, 10), [1000]); // 00:10 CET Monday
        await DailyAsync(db, burst, new DateOnly(2026, 10, 21), 1500, Utc(2026, 10, 21, 9), [9000]);
        await DailyAsync(db, twinB, new DateOnly(2026, 10, 20), 800, Utc(2026, 10, 20, 9), [2000]);
        await DailyAsync(db, twinB, new DateOnly(2026, 10, 23), 700, Utc(2026, 10, 23, 9), [2000]);
        await DailyAsync(db, twinA, new DateOnly(2026, 10, 24), 1500, Utc(2026, 10, 24, 9), [4000]);

        var sunday = await Boards(Utc(2026, 10, 25, 22, 45)).GetAsync(BoardKind.Week, steady.Id);
        var monday = await Boards(Utc(2026, 10, 25, 23, 15)).GetAsync(BoardKind.Week, steady.Id);

        Assert.Equal((new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 25)), (sunday.From, sunday.To));
        Assert.Equal(["Stetig", "Gleich A", "Gleich B", "Einmalig"], sunday.Top.Select(e => e.FirstName));
        Assert.Equal([1800, 1500, 1500, 1500], sunday.Top.Select(e => e.Points));
        Assert.Equal(new BoardEntry(1, steady.Id, "Stetig", 1800, 18, 3000, 3), sunday.Me);
        Assert.Equal((new DateOnly(2026, 10, 26), 1, 1000), (monday.From!.Value, monday.Participants, monday.Me!.Points));
    }

    [Fact]
    public async Task Daily_standing_is_reported_only_for_a_finished_attempt()
    {
        var day = new DateOnly(2026, 5, 9);
        await using var db = Database.CreateContext();
        var first = await PlayerAsync(db, "Erste");
        var second = await PlayerAsync(db, "Zweite");
        var playing = await PlayerAsync(db, "Spielt noch");
        await DailyAsync(db, first, day, 1200, Utc(2026, 5, 9, 8), [1000]);
        await DailyAsync(db, second, day, 800, Utc(2026, 5, 9, 8), [1000]);
        await DailyAsync(db, playing, day, 300, Utc(2026, 5, 9, 8), [1000], SessionState.Paused);
        var boards = Boards(Utc(2026, 5, 9, 12));

        Assert.Equal(new DailyStanding(2, 2, 800), await boards.DailyStandingAsync(second.Id, day));
        Assert.Null(await boards.DailyStandingAsync(playing.Id, day));
    }
}
