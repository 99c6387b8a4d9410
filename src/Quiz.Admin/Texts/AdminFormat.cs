using System.Globalization;

namespace Quiz.Admin.Texts;

/// <summary>German number and date formats, independent of the server's culture.</summary>
public static class AdminFormat
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Number(int value) => value.ToString("N0", German);

    public static string Day(DateOnly day) => day.ToString("dddd, d. MMMM yyyy", German);
}
