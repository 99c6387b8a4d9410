using Quiz.Core.Common;

namespace Quiz.Core.Tournaments.Series;

/// <summary>
/// Berlin wall-clock time on a Berlin day → the instant (ADR 0022). On the spring switch a time in the gap
/// (02:00–02:59 on the last Sunday of March) does not exist: it moves forward by the gap, 02:30 → 03:30 CEST, the
/// instant the clock would have shown 02:30 without the switch. On the autumn switch a time in the overlap
/// (02:00–02:59 on the last Sunday of October) exists twice: the first one counts (still CEST).
/// </summary>
public static class BerlinTime
{
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = BerlinDay.Zone;
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap (three hours before is outside any gap of this zone).
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first 02:30 of the night.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly DayOf(DateTimeOffset instant) => BerlinDay.Containing(instant).Day;
}
