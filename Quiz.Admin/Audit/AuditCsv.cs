using System.Globalization;
using System.Text;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Common;

namespace Quiz.Admin.Audit;

/// <summary>
/// The Protokoll as CSV for German spreadsheets: semicolons, German headers, Berlin times. Every field is quoted when it
/// holds a separator, a quote or a line break (quotes doubled). A field that a spreadsheet would run as a formula — it starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return; actors, subjects and details come from operators and
/// players — gets a leading apostrophe, so it is shown as text and never evaluated (CSV injection).
/// </summary>
public static class AuditCsv
{
    public const char Separator = ';';

    public static string Header { get; } = Row(AdminTexts.Audit.At, AdminTexts.Audit.Actor, AdminTexts.Audit.Action, AdminTexts.Audit.ActionCode,
        AdminTexts.Audit.Subject, AdminTexts.Audit.Details);

    public static string Line(AuditLine line) => Row(
        TimeZoneInfo.ConvertTime(line.At, BerlinDay.Zone).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        AdminTexts.Audit.Who(line.Actor), AdminTexts.Audit.Describe(line.Action), line.Action, line.Subject, line.Details ?? "");

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([Separator, '"', '\n', '\r', ',']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Row(params string[] fields)
    {
        var row = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) row.Append(Separator);
            row.Append(Field(fields[i]));
        }
        return row.ToString();
    }
}
