using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Handlers;
using Quiz.Core.Common;
using Quiz.Core.Game;
using Quiz.Core.Economy;
using Quiz.Core.Game.Stats;
using Quiz.Core.Players;
using Quiz.Testing;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Tests;

/// <summary>The handler against real read models on PostgreSQL, with a client that records what it was asked to send.</summary>
public sealed class ProfileHandlerTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero))
{
    private readonly FakeTelegram telegram = new();

    /// <summary>The handler over Core's read models and a scope's <see cref="Subscriptions"/>, replying through the recording client.</summary>
    private ProfileHandler Handler()
    {
        return new ProfileHandler(BotParts.Replies(Core, telegram), Core.Get<PlayerProfiles>(), Core.Get<Leaderboards>(), Core.Scoped<Subscriptions>());
    }

    private async Task<PlayerSnapshot> PlayerWithTodaysTagesquizAsync(string name, int score)
    {
        var now = Time.GetUtcNow();
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), name, null, "de"));
        await using var db = Database.CreateContext();
        var key = QuestionSets.DailyKey(BerlinDay.Containing(now).Day);
        var set = await db.QuestionSets.SingleOrDefaultAsync(s => s.Kind == QuestionSetKind.Daily && s.Key == key)
            ?? db.QuestionSets.Add(new QuestionSet { Id = Guid.NewGuid(), Kind = QuestionSetKind.Daily, Key = key, CreatedAt = now }).Entity;
        db.GameSessions.Add(new GameSession
        {
            Id = Guid.CreateVersion7(), PlayerId = player.Id, Mode = GameMode.Daily, State = SessionState.Finished, QuestionSetId = set.Id,
            QuestionCount = 10, Score = score, StartedAt = now, LastActivityAt = now, FinishedAt = now,
        });
        await db.SaveChangesAsync();
        return player;
    }

    [Fact]
    public async Task ShowLeaderboardAsync_sends_the_board_with_the_players_line_and_switch_buttons()
    {
        await PlayerWithTodaysTagesquizAsync("Erste", 1200);
        var me = await PlayerWithTodaysTagesquizAsync("Zweite & Co", 900);

        Assert.True(await Handler().ShowLeaderboardAsync(77, me, BoardButtons.Today, default));

        var sent = Assert.Single(telegram.Messages);
        Assert.Equal(77, sent.ChatId.Identifier);
        Assert.Contains("🥇 Erste – 1.200 Punkte", sent.Text);
        Assert.Contains("<b>🥈 Zweite &amp; Co – 900 Punkte", sent.Text);
        var keyboard = Assert.IsType<InlineKeyboardMarkup>(sent.ReplyMarkup);
        Assert.Equal(
            ["board:today", "board:week", "board:survival", "menu:main"],
            keyboard.InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData));
    }

    [Theory]
    [InlineData("month")]
    [InlineData("TODAY")]
    public async Task ShowLeaderboardAsync_refuses_an_unknown_board_and_sends_nothing(string board)
    {
        var me = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), "Mallory", null, null));

        Assert.False(await Handler().ShowLeaderboardAsync(77, me, board, default));

        Assert.Empty(telegram.Messages);
    }

    [Fact]
    public async Task ShowProfileAsync_sends_the_profile_with_a_leaderboard_button()
    {
        Time.Advance(TimeSpan.FromDays(1));
        var me = await PlayerWithTodaysTagesquizAsync("Profi", 1100);

        await Handler().ShowProfileAsync(78, me, default);

        var sent = Assert.Single(telegram.Messages);
        Assert.Contains("Profil von Profi", sent.Text);
        Assert.Contains("Tagesquiz: 1.100 Punkte · 1 Spiel", sent.Text);
        Assert.Contains("Tagesquiz-Serie: 1 Tag in Folge", sent.Text);
        var keyboard = Assert.IsType<InlineKeyboardMarkup>(sent.ReplyMarkup);
        Assert.Equal(["board:today", "menu:main"], keyboard.InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData));
    }
}
