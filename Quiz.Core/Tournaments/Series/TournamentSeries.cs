namespace Quiz.Core.Tournaments.Series;

/// <summary>
/// A recurring tournament (ADR 0022): on the Berlin weekdays of <see cref="WeekdayMask"/> at the Berlin wall-clock time
/// <see cref="StartTime"/>, the worker plans an ordinary tournament <see cref="HorizonDays"/> ahead, titled from
/// <see cref="TitlePattern"/>. Each occurrence is a row of <c>tournaments</c> with <see cref="Tournament.SeriesId"/> and
/// its Berlin day, unique per series and day, so no run — repeated, racing or after an edit — plans a day twice.
/// </summary>
public sealed class TournamentSeries
{
    public const int MaxPatternLength = 120;
    public const string OccurrenceIndex = "ux_tournaments_series_day";

    public Guid Id { get; set; }
    public string TitlePattern { get; set; } = "";

    /// <summary>Bit <c>1 &lt;&lt; (int)DayOfWeek</c> per weekday (Sunday = 1 … Saturday = 64); see <see cref="SeriesWeekdays"/>.</summary>
    public int WeekdayMask { get; set; }

    /// <summary>Berlin wall-clock time of each start (ADR 0022 for the switch days).</summary>
    public TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; }
    public TournamentEntryFee EntryFee { get; set; }
    public int QuestionCount { get; set; }

    /// <summary>The tiers every occurrence pays (copied into it); null: the defaults.</summary>
    public List<RewardTier>? RewardTiers { get; set; }

    /// <summary>How many days ahead occurrences are planned (players see them in /turniere from then on).</summary>
    public int HorizonDays { get; set; }

    /// <summary>Paused: no new occurrences; those planned stay (cancel them one by one).</summary>
    public bool Paused { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>What an operator enters for a series; <see cref="RewardTiers"/> null: the defaults.</summary>
public sealed record TournamentSeriesDraft(
    string TitlePattern, IReadOnlyList<DayOfWeek> Weekdays, TimeOnly StartTime, int DurationMinutes,
    TournamentEntryFee EntryFee, int QuestionCount, int HorizonDays, IReadOnlyList<RewardTier>? RewardTiers = null);

/// <summary>The weekdays of a series as a bit mask (the column) and back, Monday first as German calendars show them.</summary>
public static class SeriesWeekdays
{
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public const int All = 127;

    public static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    public static IReadOnlyList<DayOfWeek> Days(int mask) => [.. MondayFirst.Where(d => Contains(mask, d))];

    public static bool Contains(int mask, DayOfWeek day) => (mask & (1 << (int)day)) != 0;
}
