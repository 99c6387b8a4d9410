using System.Globalization;
using Quiz.Core.Common;
using Quiz.Core.Game;
using Quiz.Core.Game.Stats;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Game.Stats;

public sealed class PlayerProfileTests(PostgresDatabase database) : CoreTests(database, DateTimeOffset.UnixEpoch)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await EnsureQuestionsAsync(db, DateTimeOffset.UnixEpoch);
    }

    /// <summary>The profiles as read at <paramref name="now"/> (the clock only moves forward: a test reads in time order).</summary>
    private PlayerProfiles Profiles(DateTimeOffset now)
    {
        Time.SetUtcNow(now);
        return Core.Get<PlayerProfiles>();
    }

    [Fact]
    public async Task Profile_counts_finished_games_best_scores_per_mode_accuracy_and_the_survival_record()
    {
        var at = Utc(2026, 7, 1, 10);
        await using var db = Database.CreateContext();
        var anna = await PlayerAsync(db, "Anna");
        var other = await PlayerAsync(db, "Ben");
        await GameAsync(db, anna, GameMode.Quick, 800, 2, at, [1000, 1000, 1000]);
        await GameAsync(db, anna, GameMode.Quick, 1000, 3, at, [1000, 1000, 1000]);
        await GameAsync(db, anna, GameMode.Quick, 1400, 1, at, [1000], SessionState.Abandoned);
        await GameAsync(db, anna, GameMode.Category, 900, 0, at, [1000]);
        await GameAsync(db, anna, GameMode.Survival, 900, 5, at, [1000]);
        await GameAsync(db, anna, GameMode.Survival, 700, 7, at, [1000]);
        await GameAsync(db, anna, GameMode.Survival, 800, 7, at, [1000, 1000]);
        await GameAsync(db, other, GameMode.Survival, 3000, 20, at, [1000]);

        var profile = await Profiles(at).GetAsync(anna.Id);

        Assert.Equal(6, profile.GamesPlayed);
        Assert.Equal(
            [new ModeBest(GameMode.Quick, 2, 1000), new ModeBest(GameMode.Category, 1, 900), new ModeBest(GameMode.Survival, 3, 900)],
            profile.BestByMode);
        Assert.Equal(new SurvivalRecord(7, 800), profile.SurvivalRecord);
        // Every answer counts, the abandoned game's too: 3 + 3 + 1 + 1 + 1 + 1 + 2, right 2 + 3 + 1 + 0 + 1 + 1 + 2.
        Assert.Equal((12, 10), (profile.Answers, profile.CorrectAnswers));
        Assert.Equal(10 / 12.0, profile.Accuracy);
        // Nothing bought: the holdings come from the (empty) entitlements.
        Assert.Equal((new DailyStreak(0, false), (DailyStanding?)null, (PlayerHoldings?)new PlayerHoldings(0, 0, 0, 0, null)), (profile.DailyStreak, profile.TodayDaily, profile.Holdings));
    }

    [Fact]
    public async Task A_new_player_has_an_empty_profile()
    {
        await using var db = Database.CreateContext();
        var nobody = await PlayerAsync(db, "Neu");

        var profile = await Profiles(Utc(2026, 7, 2, 10)).GetAsync(nobody.Id);

        Assert.Equal((0, 0, 0, null), (profile.GamesPlayed, profile.Answers, profile.BestByMode.Count, profile.Accuracy));
        Assert.Null(profile.SurvivalRecord);
    }

    [Theory]
    // 29 March 2026: the clocks go forward. 22:30 UTC is already 00:30 on 30 March in Berlin.
    [InlineData("2026-03-29T21:30:00Z", 3, true)]   // 23:30 CEST on the 29th
    [InlineData("2026-03-29T22:30:00Z", 4, true)]   // 00:30 on the 30th, played
    [InlineData("2026-03-30T22:30:00Z", 4, false)]  // 00:30 on the 31st: not yet today, yesterday holds
    [InlineData("2026-03-31T22:30:00Z", 0, false)]  // 00:30 on 1 April: the 31st was missed
    public async Task Daily_streak_counts_consecutive_Berlin_days_across_the_spring_clock_change(string now, int days, bool playedToday)
    {
        await using var db = Database.CreateContext();
        var player = await PlayerAsync(db, "Serie");
        // The 26th is missing, so the run that counts starts on the 27th.
        foreach (var day in new[] { 25, 27, 28, 29, 30 })
        {
            var date = new DateOnly(2026, 3, day);
            await DailyAsync(db, player, date, 500, BerlinDay.StartOf(date).AddMinutes(20), [1000]);
        }

        var profile = await Profiles(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)).GetAsync(player.Id);

        Assert.Equal(new DailyStreak(days, playedToday), profile.DailyStreak);
    }

    [Fact]
    public async Task Daily_streak_uses_the_Berlin_day_at_the_autumn_clock_change_and_an_open_attempt_counts()
    {
        await using var db = Database.CreateContext();
        var player = await PlayerAsync(db, "Herbst");
        await DailyAsync(db, player, new DateOnly(2026, 10, 23), 500, Utc(2026, 10, 23, 9), [1000]);
        await DailyAsync(db, player, new DateOnly(2026, 10, 25), 500, Utc(2026, 10, 25, 9), [1000]);
        await DailyAsync(db, player, new DateOnly(2026, 10, 26), 500, Utc(2026, 10, 25, 23, 10), [1000], SessionState.Active);

        // 23:30 UTC on 25 October is 00:30 CET on the 26th: in UTC terms it would still be the 25th.
        var profile = await Profiles(Utc(2026, 10, 25, 23, 30)).GetAsync(player.Id);

        Assert.Equal(new DailyStreak(2, true), profile.DailyStreak);
        Assert.Null(profile.TodayDaily);
    }

    [Fact]
    public async Task Profile_shows_todays_Tagesquiz_place_once_the_attempt_is_finished()
    {
        var day = new DateOnly(2026, 8, 3);
        await using var db = Database.CreateContext();
        var best = await PlayerAsync(db, "Beste");
        var me = await PlayerAsync(db, "Ich");
        var third = await PlayerAsync(db, "Dritte");
        await DailyAsync(db, best, day, 1300, Utc(2026, 8, 3, 7), [1000]);
        await DailyAsync(db, me, day, 1000, Utc(2026, 8, 3, 8), [1000]);
        await DailyAsync(db, third, day, 1000, Utc(2026, 8, 3, 8), [2000]);

        var profile = await Profiles(Utc(2026, 8, 3, 12)).GetAsync(me.Id);

        Assert.Equal(new DailyStanding(2, 3, 1000), profile.TodayDaily);
        Assert.Equal(new DailyStreak(1, true), profile.DailyStreak);
    }
}
