using System.Globalization;
using Quiz.Core.Common;

namespace Quiz.Admin.Texts;

/// <summary>German number and date formats, independent of the server's culture.</summary>
public static class AdminFormat
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Number(int value) => value.ToString("N0", German);

    /// <summary>A count with its noun in singular or plural, e.g. <c>1 Zahlung</c>, <c>2 Zahlungen</c>.</summary>
    public static string Count(int value, string one, string many) => GermanCount.Of(value, one, many);

    /// <summary>Milliseconds as seconds with one decimal, e.g. <c>12,3 s</c>.</summary>
    public static string Seconds(long milliseconds) => $"{(milliseconds / 1000.0).ToString("N1", German)} s";

    public static string Day(DateOnly day) => day.ToString("dddd, d. MMMM yyyy", German);

    /// <summary>An instant as Berlin wall-clock time, e.g. <c>27.11.2026 13:05</c>.</summary>
    public static string Moment(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BerlinDay.Zone).ToString("dd.MM.yyyy HH:mm", German);

    /// <summary>
    /// The last eight hex digits of an id, e.g. <c>#3f9a0c1e</c>: enough to tell two rows of the same name apart.
    /// The tail, not the head: a version-7 id starts with its creation time, so two made in the same minute share their head.
    /// It is the end of the id as the audit log writes it (<c>tournament:…3f9a0c1e</c>).
    /// </summary>
    public static string ShortId(Guid id) => $"#{id.ToString("N")[^8..]}";
}
