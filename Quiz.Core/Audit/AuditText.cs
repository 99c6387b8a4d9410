using System.Globalization;

namespace Quiz.Core.Audit;

/// <summary>
/// Counts in the German details of audit entries, which operators read in the console's Protokoll: the noun in singular
/// for one, never "1 Tickets" or "1 offene Versuche".
/// </summary>
public static class AuditText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Count(long value, string one, string many) => $"{value.ToString("N0", German)} {(value == 1 ? one : many)}";
}
