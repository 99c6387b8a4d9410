using System.Globalization;

namespace Quiz.Core.Common;

/// <summary>
/// A count with its German noun, singular for one — never "1 Tickets" or "1 offene Versuche": in the audit details
/// operators read in the Protokoll, and in the console's own texts.
/// </summary>
public static class GermanCount
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>E.g. <c>1 Zahlung</c>, <c>2 Zahlungen</c>, <c>1.250 Tickets</c>.</summary>
    public static string Of(long value, string one, string many) => $"{value.ToString("N0", German)} {(value == 1 ? one : many)}";
}
