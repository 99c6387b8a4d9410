namespace Quiz.Core.Tournaments.Series;

/// <summary>One planned occurrence of a series: its Berlin day (the key) and its start.</summary>
public sealed record SeriesSlot(DateOnly Day, DateTimeOffset StartsAt);

/// <summary>Which occurrences a weekly rule has in a window: pure, so the switch days are tested with a fake clock.</summary>
public static class SeriesSchedule
{
    /// <summary>The slots starting after <paramref name="now"/> and at most <paramref name="horizonDays"/> days later, soonest first.</summary>
    public static IReadOnlyList<SeriesSlot> Slots(int weekdayMask, TimeOnly startTime, int horizonDays, DateTimeOffset now)
    {
        var until = now.AddDays(horizonDays);
        var slots = new List<SeriesSlot>();
        // One day more on each side: a start early in the Berlin day can lie on the UTC day before.
        for (var day = BerlinTime.DayOf(now).AddDays(-1); day <= BerlinTime.DayOf(until).AddDays(1); day = day.AddDays(1))
        {
            if (!SeriesWeekdays.Contains(weekdayMask, day.DayOfWeek)) continue;
            var startsAt = BerlinTime.ToInstant(day, startTime);
            if (startsAt > now && startsAt <= until) slots.Add(new SeriesSlot(day, startsAt));
        }
        return slots;
    }

    /// <summary>The next start after <paramref name="now"/> (within a week and a day), or null without weekdays.</summary>
    public static SeriesSlot? Next(int weekdayMask, TimeOnly startTime, DateTimeOffset now) =>
        Slots(weekdayMask, startTime, 8, now) is [var first, ..] ? first : null;
}
