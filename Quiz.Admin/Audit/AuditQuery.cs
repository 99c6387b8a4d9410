using System.Globalization;
using Quiz.Core.Audit;
using Quiz.Core.Common;

namespace Quiz.Admin.Audit;

/// <summary>
/// The Protokoll's filter as it stands in the address (<c>/protokoll?wer=…&amp;aktion=…&amp;betrifft=…&amp;von=2026-03-01&amp;bis=2026-03-31</c>),
/// shared by the page and the CSV export so that the download holds exactly what the page shows. Days are Berlin days,
/// "bis" included.
/// </summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Subject, DateOnly? From, DateOnly? Until)
{
    public const string DayFormat = "yyyy-MM-dd";

    public static AuditQuery None { get; } = new(null, null, null, null, null);

    public static AuditQuery Parse(string? wer, string? aktion, string? betrifft, string? von, string? bis) =>
        new(Clean(wer), Clean(aktion), Clean(betrifft), Day(von), Day(bis));

    /// <summary>"Von" after "Bis": nothing could match, the page says so instead of reading.</summary>
    public bool RangeInvalid => From > Until;

    public AuditFilter Filter() => new(Texts.AdminTexts.Audit.ActorKey(Actor), Action, Subject,
        From is { } from ? BerlinDay.StartOf(from) : null,
        Until is { } until ? BerlinDay.StartOf(until.AddDays(1)) : null);

    /// <summary>The query string (with its <c>?</c>, empty without a filter), values escaped.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("wer", Actor);
        Add("aktion", Action);
        Add("betrifft", Subject);
        Add("von", From?.ToString(DayFormat, CultureInfo.InvariantCulture));
        Add("bis", Until?.ToString(DayFormat, CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
