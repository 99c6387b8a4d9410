using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Common;
using Quiz.Core.Tournaments.Series;

namespace Quiz.UnitTests.Tournaments;

/// <summary>A series' starts in Berlin time, walked with a fake clock across both switches of 2027 (28 March, 31 October).</summary>
public sealed class SeriesScheduleTests
{
    private static readonly int Sundays = SeriesWeekdays.Mask([DayOfWeek.Sunday]);

    [Fact]
    public void An_occurrence_at_20_00_Berlin_is_19_00_UTC_in_winter_and_18_00_UTC_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 19, 0, 0, TimeSpan.Zero), BerlinTime.ToInstant(new DateOnly(2027, 1, 10), new TimeOnly(20, 0)));
        Assert.Equal(new DateTimeOffset(2027, 7, 11, 18, 0, 0, TimeSpan.Zero), BerlinTime.ToInstant(new DateOnly(2027, 7, 11), new TimeOnly(20, 0)));
    }

    [Fact]
    public void A_weekly_series_at_20_00_stays_at_20_00_Berlin_while_the_clock_walks_across_both_switches_of_2027()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var seen = new SortedDictionary<DateOnly, DateTimeOffset>();
        while (time.GetUtcNow() < new DateTimeOffset(2027, 11, 20, 0, 0, 0, TimeSpan.Zero))
        {
            foreach (var slot in SeriesSchedule.Slots(Sundays, new TimeOnly(20, 0), horizonDays: 7, time.GetUtcNow()))
            {
                Assert.Equal(slot.StartsAt, seen.GetValueOrDefault(slot.Day, slot.StartsAt));
                seen[slot.Day] = slot.StartsAt;
            }
            time.Advance(TimeSpan.FromHours(5));
        }

        Assert.Equal(38, seen.Count);
        Assert.All(seen, s => Assert.Equal((DayOfWeek.Sunday, new TimeOnly(20, 0)), (s.Key.DayOfWeek, Berlin(s.Value))));
        Assert.Equal(19, seen[new DateOnly(2027, 3, 21)].UtcDateTime.Hour);
        Assert.Equal(18, seen[new DateOnly(2027, 3, 28)].UtcDateTime.Hour);
        Assert.Equal(18, seen[new DateOnly(2027, 10, 24)].UtcDateTime.Hour);
        Assert.Equal(19, seen[new DateOnly(2027, 10, 31)].UtcDateTime.Hour);
    }

    [Fact]
    public void On_the_spring_switch_02_30_does_not_exist_and_the_start_moves_on_by_the_gap_to_03_30_summer_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero));
        var week = SeriesSchedule.Slots(Sundays, new TimeOnly(2, 30), horizonDays: 15, time.GetUtcNow());

        Assert.Equal(
        [
            new SeriesSlot(new DateOnly(2027, 3, 21), new DateTimeOffset(2027, 3, 21, 1, 30, 0, TimeSpan.Zero)),
            new SeriesSlot(new DateOnly(2027, 3, 28), new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero)),
            new SeriesSlot(new DateOnly(2027, 4, 4), new DateTimeOffset(2027, 4, 4, 0, 30, 0, TimeSpan.Zero)),
        ], week);
        Assert.Equal(new TimeOnly(3, 30), Berlin(week[1].StartsAt));
        Assert.True(BerlinDay.Zone.IsDaylightSavingTime(week[1].StartsAt));
    }

    [Fact]
    public void On_the_autumn_switch_02_30_happens_twice_and_the_first_one_counts_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 10, 30, 12, 0, 0, TimeSpan.Zero));

        var slots = SeriesSchedule.Slots(Sundays, new TimeOnly(2, 30), horizonDays: 7, time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(12 * 60 + 45));
        var afterTheFirst = SeriesSchedule.Slots(Sundays, new TimeOnly(2, 30), horizonDays: 1, time.GetUtcNow());

        var slot = Assert.Single(slots);
        Assert.Equal(new SeriesSlot(new DateOnly(2027, 10, 31), new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero)), slot);
        Assert.True(BerlinDay.Zone.IsDaylightSavingTime(slot.StartsAt));
        // 01:15 UTC is 02:15 the second time (CET): the second 02:30 is no new occurrence of that Sunday.
        Assert.Empty(afterTheFirst);
    }

    [Fact]
    public void Only_starts_after_now_and_within_the_horizon_are_due_and_the_next_one_is_named()
    {
        var now = new DateTimeOffset(2026, 12, 13, 19, 0, 0, TimeSpan.Zero); // Sunday 20:00 Berlin
        var weekend = SeriesWeekdays.Mask([DayOfWeek.Saturday, DayOfWeek.Sunday]);

        var slots = SeriesSchedule.Slots(weekend, new TimeOnly(20, 0), horizonDays: 7, now);

        Assert.Equal([new DateOnly(2026, 12, 19), new DateOnly(2026, 12, 20)], slots.Select(s => s.Day));
        Assert.Equal(new DateOnly(2026, 12, 19), SeriesSchedule.Next(weekend, new TimeOnly(20, 0), now)!.Day);
        Assert.Equal(new DateOnly(2026, 12, 13), SeriesSchedule.Next(weekend, new TimeOnly(20, 0), now.AddMinutes(-1))!.Day);
        Assert.Empty(SeriesSchedule.Slots(weekend, new TimeOnly(20, 0), horizonDays: 5, now));
    }

    private static TimeOnly Berlin(DateTimeOffset instant) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BerlinDay.Zone).DateTime);
}
