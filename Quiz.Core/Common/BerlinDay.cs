namespace Quiz.Core.Common;

/// <summary>Everything a player sees is dated in Europe/Berlin; this maps instants to that calendar day.</summary>
public static class BerlinDay
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The Berlin day containing <paramref name="instant"/> and its [start, end) in UTC.</summary>
    public static (DateOnly Day, DateTimeOffset Start, DateTimeOffset End) Containing(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return (day, StartOf(day), StartOf(day.AddDays(1)));
    }

    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
