using Quiz.Core.Common;

namespace Quiz.UnitTests.Common;

public sealed class BerlinDayTests
{
    [Fact]
    public void Containing_uses_the_berlin_calendar_day_not_utc()
    {
        // 23:30 UTC on 27 November is already 28 November in Berlin (UTC+1).
        var (day, start, end) = BerlinDay.Containing(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 28), day);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void Day_of_the_spring_clock_change_has_23_hours()
    {
        var (_, start, end) = BerlinDay.Containing(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(23), end - start);
    }

    [Fact]
    public void Day_of_the_autumn_clock_change_has_25_hours()
    {
        var (_, start, end) = BerlinDay.Containing(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(25), end - start);
    }
}
