using System.Globalization;
using System.Text.RegularExpressions;

namespace Quiz.Core.Tournaments.Series;

/// <summary>
/// A series' title pattern: text with German placeholders, filled in per occurrence — <c>{datum}</c> → 13.12.2026,
/// <c>{nr}</c> → the occurrence's running number, <c>{wochentag}</c> → Sonntag, <c>{uhrzeit}</c> → 20:00. Checked so
/// that every title it can make is a valid tournament title (an unknown placeholder is a typo, not text).
/// </summary>
public static partial class SeriesTitle
{
    public const string Date = "{datum}";
    public const string Number = "{nr}";
    public const string Weekday = "{wochentag}";
    public const string Time = "{uhrzeit}";
    public static readonly IReadOnlyList<string> Placeholders = [Date, Number, Weekday, Time];

    /// <summary>The longest value of each placeholder: running numbers up to 99,999 (a daily series for 270 years).</summary>
    private static readonly Dictionary<string, string> Longest = new()
    {
        [Date] = "31.12.2099", [Number] = "99999", [Weekday] = "Donnerstag", [Time] = "23:59",
    };

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Expand(string pattern, DateOnly day, int number, TimeOnly time) =>
        Braces().Replace(pattern, m => m.Value switch
        {
            Date => day.ToString("dd.MM.yyyy", German),
            Number => number.ToString(German),
            Weekday => German.DateTimeFormat.GetDayName(day.DayOfWeek),
            Time => time.ToString("HH:mm", German),
            _ => m.Value,
        }).Trim();

    public static List<string> Problems(string pattern)
    {
        var problems = new List<string>();
        if (pattern.Trim().Length == 0)
        {
            problems.Add("Das Titelmuster fehlt.");
            return problems;
        }
        if (pattern.Length > TournamentSeries.MaxPatternLength) problems.Add($"Das Titelmuster darf höchstens {TournamentSeries.MaxPatternLength} Zeichen lang sein.");
        var unknown = Braces().Matches(pattern).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Unbekannter Platzhalter {string.Join(", ", unknown)}; möglich sind {string.Join(", ", Placeholders)}.");
        }
        else if (Braces().Replace(pattern, "").IndexOfAny(['{', '}']) >= 0)
        {
            problems.Add("Eine geschweifte Klammer ist nicht geschlossen; Platzhalter schreibt man so: {datum}.");
        }
        else if (Braces().Replace(pattern, m => Longest[m.Value]).Trim().Length > Tournament.MaxTitleLength)
        {
            problems.Add($"Mit eingesetzten Platzhaltern (z. B. Donnerstag, 31.12.2099) wird der Titel länger als {Tournament.MaxTitleLength} Zeichen.");
        }
        return problems;
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();
}
