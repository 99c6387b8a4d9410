using System.Globalization;

namespace Quiz.Core.Tournaments.Series;

public sealed partial class SeriesAdministration
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>A series in one line for the audit log: „Sonntagsturnier {datum}“, So 20:00 (Berlin), 60 min, kostenlos, 10 Fragen, 7 Tage voraus, Gewinne: Standard.</summary>
    public static string Describe(TournamentSeriesDraft d)
    {
        var days = string.Join(", ", d.Weekdays.Select(day => German.DateTimeFormat.GetAbbreviatedDayName(day)));
        var fee = d.EntryFee == TournamentEntryFee.Ticket ? "Turnier-Ticket" : "kostenlos";
        var tiers = d.RewardTiers is { } own ? TournamentAdministration.Describe(own) : "Standard";
        return $"„{d.TitlePattern}“, {days} {d.StartTime.ToString("HH:mm", German)} (Berlin), {d.DurationMinutes} min, {fee}, "
            + $"{d.QuestionCount} Fragen, {d.HorizonDays} Tage voraus, Gewinne: {tiers}";
    }
}
