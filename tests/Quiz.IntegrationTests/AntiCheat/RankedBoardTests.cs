using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.Core.Game.Stats;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>Banned and held players are left out of every leaderboard from the next read on; lifting it brings them back.</summary>
public sealed class RankedBoardTests(PostgresDatabase database) : CoreTests(database, Utc(2026, 6, 3, 18))
{
    private static readonly DateOnly Day = new(2026, 6, 3);

    private PlayerModeration Moderation => Core.Get<PlayerModeration>();

    private Leaderboards Boards => Core.Get<Leaderboards>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await EnsureQuestionsAsync(db, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Daily_week_and_survival_boards_leave_out_banned_and_held_players_and_take_them_back_when_lifted()
    {
        await using var db = Database.CreateContext();
        var cheat = await PlayerAsync(db, "Schummler");
        var held = await PlayerAsync(db, "Verdacht");
        var honest = await PlayerAsync(db, "Ehrlich");
        var second = await PlayerAsync(db, "Zweite");
        var at = Utc(2026, 6, 3, 10);
        foreach (var (player, score) in new[] { (cheat, 1000), (held, 900), (honest, 800), (second, 700) })
        {
            await DailyAsync(db, player, Day, score, at, [1000]);
            await GameAsync(db, player, GameMode.Survival, score, score / 100, at, [1000]);
        }

        Assert.Equal(ModerationResult.Done, await Moderation.BanAsync(cheat.Id, "200-ms-Antworten", "Mona Moderatorin"));
        Assert.Equal(ModerationResult.Done, await Moderation.HoldAsync(held.Id, "wird geprüft", "anticheat"));

        foreach (var kind in new[] { BoardKind.Today, BoardKind.Week, BoardKind.Survival })
        {
            var board = await Boards.GetAsync(kind, honest.Id);
            Assert.Equal([(1, "Ehrlich"), (2, "Zweite")], board.Top.Select(e => (e.Rank, e.FirstName)));
            Assert.Equal((1, 2), (board.Me?.Rank, board.Participants));
            Assert.Null((await Boards.GetAsync(kind, held.Id)).Me);
        }
        Assert.Equal(new DailyStanding(1, 2, 800), await Boards.DailyStandingAsync(honest.Id, Day));
        Assert.Null(await Boards.DailyStandingAsync(held.Id, Day));

        await Moderation.UnbanAsync(cheat.Id, "Einspruch berechtigt", "Anna Admin");
        await Moderation.RestoreAsync(held.Id, "geprüft", "Mona Moderatorin");

        var restored = await Boards.GetAsync(BoardKind.Today, honest.Id);
        Assert.Equal(["Schummler", "Verdacht", "Ehrlich", "Zweite"], restored.Top.Select(e => e.FirstName));
        Assert.Equal((3, 4), (restored.Me?.Rank, restored.Participants));
    }
}
