using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Game;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Game.Stats;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Game.Stats;

/// <summary>The all-time Überleben board reads every run, so each test gets a database of its own.</summary>
public sealed class SurvivalBoardTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private static readonly DateTimeOffset Now = Utc(2026, 6, 1, 12);
    private CoreServices core = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        core = database.Core(new FakeTimeProvider(Now));
        await using var db = database.CreateContext();
        await EnsureQuestionsAsync(db, Now);
    }

    public async Task DisposeAsync()
    {
        await core.DisposeAsync();
        await database.DisposeAsync();
    }

    private Leaderboards Boards() => core.Get<Leaderboards>();

    [Fact]
    public async Task Survival_board_ranks_each_players_best_run_by_correct_answers_then_points()
    {
        await using var db = database.CreateContext();
        var many = await PlayerAsync(db, "Viele Punkte");
        var steady = await PlayerAsync(db, "Ausdauernd");
        var quick = await PlayerAsync(db, "Schnell");
        var quitter = await PlayerAsync(db, "Abgebrochen");
        await GameAsync(db, many, GameMode.Survival, 2000, 10, Now.AddDays(-3), [1000]);
        await GameAsync(db, steady, GameMode.Survival, 1200, 10, Now.AddDays(-3), [1000]);
        await GameAsync(db, steady, GameMode.Survival, 1100, 12, Now.AddDays(-2), [5000]);
        await GameAsync(db, quick, GameMode.Survival, 1100, 12, Now.AddDays(-1), [3000]);
        await GameAsync(db, quitter, GameMode.Survival, 1300, 8, Now.AddDays(-1), [1000]);
        await GameAsync(db, quitter, GameMode.Survival, 5000, 40, Now.AddDays(-1), [1000], SessionState.Abandoned);
        await GameAsync(db, quitter, GameMode.Survival, 4000, 30, Now, [1000], SessionState.Active);
        await GameAsync(db, many, GameMode.Quick, 1500, 10, Now, [1000]);

        var board = await Boards().GetAsync(BoardKind.Survival, steady.Id);

        Assert.Equal(["Schnell", "Ausdauernd", "Viele Punkte", "Abgebrochen"], board.Top.Select(e => e.FirstName));
        Assert.Equal([12, 12, 10, 8], board.Top.Select(e => e.CorrectAnswers));
        Assert.Equal(new BoardEntry(2, steady.Id, "Ausdauernd", 1100, 12, 5000, 1), board.Me);
        Assert.Equal((4, (DateOnly?)null), (board.Participants, board.From));
    }

    [Fact]
    public async Task Survival_board_picks_the_faster_of_two_equal_runs_and_orders_like_ResultOrder_Survival()
    {
        var random = new Random(77);
        var runs = new List<RankedResult>();
        await using var db = database.CreateContext();
        for (var i = 0; i < 25; i++)
        {
            var player = await PlayerAsync(db, $"S{i}");
            for (var r = 0; r < 3; r++)
            {
                var correct = random.Next(2, 4);
                var points = correct * 100 + random.Next(2) * 50;
                var finished = Now.AddMinutes(-random.Next(3));
                int[] ms = [random.Next(1, 3) * 1000, random.Next(1, 3) * 1000];
                await GameAsync(db, player, GameMode.Survival, points, correct, finished, ms);
                runs.Add(new RankedResult(player.Id, points, correct, ms.Sum(), finished));
            }
        }
        var expected = runs.GroupBy(r => r.PlayerId).Select(g => g.Order(ResultOrder.Survival).First()).Order(ResultOrder.Survival).ToList();

        var boards = Boards();

        var all = await boards.GetAsync(BoardKind.Survival, expected[^1].PlayerId, top: 100);
        Assert.Equal(
            expected.Select(r => (r.PlayerId, r.CorrectAnswers, r.Points, r.TotalAnswerMs)),
            all.Top.Select(e => (e.PlayerId, e.CorrectAnswers, e.Points, e.TotalAnswerMs)));
        Assert.Equal(25, all.Me!.Rank);
        for (var i = 0; i < expected.Count; i++)
        {
            var board = await boards.GetAsync(BoardKind.Survival, expected[i].PlayerId, top: 3);
            Assert.Equal(expected.Take(3).Select(r => r.PlayerId), board.Top.Select(e => e.PlayerId));
            Assert.Equal((i + 1, expected[i].TotalAnswerMs, 25), (board.Me!.Rank, board.Me.TotalAnswerMs, board.Participants));
        }
    }

    [Fact]
    public async Task Survival_board_is_empty_without_finished_runs()
    {
        await using var db = database.CreateContext();
        var player = await PlayerAsync(db, "Allein");
        await GameAsync(db, player, GameMode.Survival, 300, 3, Now, [1000], SessionState.Active);

        var board = await Boards().GetAsync(BoardKind.Survival, player.Id);

        Assert.Equal((0, 0, (BoardEntry?)null), (board.Top.Count, board.Participants, board.Me));
    }
}
