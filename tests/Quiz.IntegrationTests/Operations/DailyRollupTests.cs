using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Operations.Dashboard;
using Quiz.Core.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>
/// The worker's daily rollup behind the Übersicht's charts, on known rows around the Berlin midnight between
/// 10 and 11 March 2026 (23:00 UTC): each figure lands on the Berlin day it belongs to.
/// </summary>
public sealed class DailyRollupTests(PostgresDatabase database) : CoreTests(database, Now)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March10 = new(2026, 3, 10);

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Figures_fall_on_their_Berlin_day_across_midnight_and_runs_repeat_only_open_days()
    {
        await SeedAsync();
        var rollup = Core.Get<DailyRollup>();

        Assert.Equal(DailyRollup.WindowDays, await rollup.RunAsync());
        var figures = await Core.Get<DashboardReader>().ReadAsync();

        Assert.Equal((new DateOnly(2026, 2, 19), new DateOnly(2026, 3, 20)), (figures.Days[0].Day, figures.Days[^1].Day));
        var days = figures.Days.ToDictionary(d => d.Day);
        // 10 March (Berlin): A joins at 23:30, answers right at 23:50 and buys 50 Stars plus Premium (300) before midnight.
        Assert.Equal(new DayFigures(March10, ActivePlayers: 1, NewPlayers: 1, RetainedPlayers: 1, Answers: 1, CorrectAnswers: 1,
            StarsGross: 350, StarsRefunded: 0, PremiumActive: 1, TournamentEntrants: 0, Computed: true), days[March10]);
        // 11 March: A's second answer at 00:05, B joins at 00:30, enters a tournament, plays survival, pays 100 Stars.
        Assert.Equal(new DayFigures(March10.AddDays(1), ActivePlayers: 2, NewPlayers: 1, RetainedPlayers: 0, Answers: 2, CorrectAnswers: 1,
            StarsGross: 100, StarsRefunded: 0, PremiumActive: 1, TournamentEntrants: 1, Computed: true), days[March10.AddDays(1)]);
        // 12 March: B's 100 Stars go back; the figures of the day it was paid stay.
        Assert.Equal((100, 0, -100L), (days[March10.AddDays(2)].StarsRefunded, days[March10.AddDays(2)].StarsGross, days[March10.AddDays(2)].StarsNet));
        // 15 March: A comes back (so 10 March keeps its new player); the retention of the last seven days is still open.
        Assert.Equal((1, 1), (days[March10.AddDays(5)].ActivePlayers, days[March10.AddDays(5)].Answers));
        Assert.Null(days[new DateOnly(2026, 3, 14)].RetainedPlayers);
        Assert.Equal(100.0, days[March10].Retention);
        Assert.Equal(50.0, days[March10.AddDays(1)].Accuracy);
        Assert.Equal([1, 0, 0, 0, 0, 0], Games(figures, March10));
        Assert.Equal([0, 0, 1, 0, 0, 0], Games(figures, March10.AddDays(1)));
        Assert.Equal(Now, figures.ComputedAt);

        // Nothing before 13 March can change any more (its seven days are over): a later run recomputes the 8 open days only.
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(8, await rollup.RunAsync());
        Assert.Equal((Now, Now.AddMinutes(5)), (await ComputedAtAsync(March10), await ComputedAtAsync(new DateOnly(2026, 3, 20))));
    }

    private static int[] Games(DashboardFigures figures, DateOnly day)
    {
        var index = figures.Days.ToList().FindIndex(d => d.Day == day);
        return [.. Enum.GetValues<GameMode>().Select(mode => figures.GamesByMode[mode][index])];
    }

    private async Task<DateTimeOffset> ComputedAtAsync(DateOnly day)
    {
        await using var db = Database.CreateContext();
        return await db.Set<DailyFigures>().Where(f => f.Day == day).Select(f => f.ComputedAt).SingleAsync();
    }

    private async Task SeedAsync()
    {
        await using var db = Database.CreateContext();
        var (a, quick) = await TestData.SeedGameAsync(db, Utc(10, 22, 30), questions: 3);
        quick.StartedAt = Utc(10, 22, 40);
        var (b, survival) = await TestData.SeedGameAsync(db, Utc(10, 23, 30));
        survival.Mode = GameMode.Survival;
        survival.StartedAt = Utc(10, 23, 40);
        TestData.Answer(db, quick, 0, correct: true, Utc(10, 22, 50));
        TestData.Answer(db, quick, 1, correct: false, Utc(10, 23, 5));
        TestData.Answer(db, quick, 2, correct: true, Utc(15, 9, 0));
        TestData.Answer(db, survival, 0, correct: true, Utc(10, 23, 45));
        db.Purchases.Add(TestData.Paid(a.Id, 50, Utc(10, 22, 55)));
        var premium = TestData.Paid(a.Id, 300, Utc(10, 22, 58));
        (premium.IsRecurring, premium.SubscriptionExpiresAt) = (true, Utc(10, 22, 58).AddDays(30));
        db.Purchases.Add(premium);
        var refunded = TestData.Paid(b.Id, 100, Utc(10, 23, 10));
        (refunded.Status, refunded.RefundedAt) = (PurchaseStatus.Refunded, Utc(12, 10, 0));
        db.Purchases.Add(refunded);
        var tournament = new Tournament
        {
            Id = Guid.NewGuid(), Title = "Mitternacht", State = TournamentState.Scheduled, EntryFee = TournamentEntryFee.Free, QuestionCount = 3,
            StartsAt = Utc(11, 18, 0), EndsAt = Utc(11, 19, 0), CreatedBy = "Test", CreatedAt = Utc(10, 12, 0),
        };
        db.Tournaments.Add(tournament);
        db.TournamentEntries.Add(new TournamentEntry { TournamentId = tournament.Id, PlayerId = b.Id, JoinedAt = Utc(10, 23, 20) });
        await db.SaveChangesAsync();
    }
}

/// <summary>Two workers' firings at once (a take-over after a crash): the upserts meet on each day's key.</summary>
public sealed class DailyRollupConcurrencyTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task Concurrent_runs_write_each_day_once_with_the_same_numbers()
    {
        await using (var db = Database.CreateContext())
        {
            await TestData.SeedGameAsync(db, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Core.Get<DailyRollup>().RunAsync())));

        await using var check = Database.CreateContext();
        var today = await check.Set<DailyFigures>().AsNoTracking().Where(f => f.Day == new DateOnly(2026, 3, 20)).ToListAsync();
        Assert.True(today.Count == 1 && today[0].NewPlayers >= 1);
        Assert.Equal(Enum.GetValues<GameMode>().Length, await check.Set<DailyModeGames>().CountAsync(g => g.Day == new DateOnly(2026, 3, 20)));
        Assert.Equal(DailyRollup.WindowDays, await check.Set<DailyFigures>().CountAsync(f => f.Day > new DateOnly(2026, 2, 18) && f.Day <= new DateOnly(2026, 3, 20)));
    }
}
