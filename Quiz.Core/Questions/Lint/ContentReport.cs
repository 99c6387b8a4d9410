using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Quiz.Core.Questions.Lint;

/// <summary>
/// The bank in figures (<c>dotnet run --project Quiz.Migrator -- --content-report</c>): questions per
/// category and difficulty, per era (the latest year or century the text, answer or explanation
/// mentions), women as the answer (tag <c>frau</c>), Austrian and Swiss facts, and the linter's figures.
/// </summary>
public static partial class ContentReport
{
    public static readonly IReadOnlyList<string> Eras = ["vor 1900", "1900–1999", "2000–2026", "zeitlos"];

    [GeneratedRegex(@"(?<!\d)(1\d{3}|20[0-2]\d)(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(\d{1,2})\.\s*Jahrhundert", RegexOptions.IgnoreCase)]
    private static partial Regex Century();

    /// <summary>The era of a question: by the latest year (or century) mentioned; "zeitlos" without one.</summary>
    public static string Era(QuestionContent q)
    {
        var text = $"{q.Text} {(q.Correct is >= 0 and <= 3 && q.Options.Count == 4 ? q.Options[q.Correct] : "")} {q.Explanation}";
        var years = Year().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .Concat(Century().Matches(text).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 100) - 1))
            .ToList();
        if (years.Count == 0) return Eras[3];
        var latest = years.Max();
        return latest < 1900 ? Eras[0] : latest < 2000 ? Eras[1] : Eras[2];
    }

    public static string Render(IReadOnlyList<(string Source, QuestionFile File)> files)
    {
        var sb = new StringBuilder();
        var rows = files.OrderBy(f => f.File.Category.SortOrder).ThenBy(f => f.File.Category.Id, StringComparer.Ordinal)
            .Select(f => (f.File.Category.Name, Questions: f.File.Questions.Where(q => !q.Retired).ToList())).ToList();
        var all = rows.SelectMany(r => r.Questions).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Fragenbestand: {all.Count} Fragen in {rows.Count} Kategorien");
        sb.AppendLine();
        sb.AppendLine("| Kategorie | Fragen | leicht | mittel | schwer | " + string.Join(" | ", Eras) + " | Frau | AT | CH |");
        sb.AppendLine("|---|---:|---:|---:|---:|" + string.Concat(Eras.Select(_ => "---:|")) + "---:|---:|---:|");
        foreach (var (name, questions) in rows.Append(("Summe", all)))
        {
            sb.AppendLine(Row(name, questions));
        }
        sb.AppendLine(Line(["Anteil", "", Share(all, q => q.Difficulty == 1), Share(all, q => q.Difficulty == 2), Share(all, q => q.Difficulty == 3),
            .. Eras.Select(e => Share(all, q => Era(q) == e)), Share(all, q => Tagged(q, "frau")), "", ""]));

        var lint = ContentLinter.Lint(files);
        var f = lint.Figures;
        sb.AppendLine();
        sb.AppendLine("## Linter");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"- Zahlenantworten: richtige Zahl in der Mitte bei {f.NumericMiddle} von {f.NumericQuestions} ({Percent(f.NumericMiddle, f.NumericQuestions)}; Zufall 50 %; p = {f.NumericMiddleP:G2})");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"- Deutlich längste Antwort ist die richtige bei {f.LongestCorrect} von {f.MarginQuestions} ({Percent(f.LongestCorrect, f.MarginQuestions)}; Zufall 25 %; p = {f.LongestCorrectP:G2})");
        foreach (var rule in LintRules.All)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {rule}: {lint.Count(rule)}");
        }
        foreach (var finding in lint.Findings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {finding}");
        }
        return sb.ToString();
    }

    private static bool Tagged(QuestionContent q, string tag) => q.TagList.Contains(tag, StringComparer.Ordinal);

    private static string Row(string name, List<QuestionContent> q) => Line([name,
        .. new[] { q.Count, q.Count(x => x.Difficulty == 1), q.Count(x => x.Difficulty == 2), q.Count(x => x.Difficulty == 3) }
            .Concat(Eras.Select(e => q.Count(x => Era(x) == e)))
            .Concat([q.Count(x => Tagged(x, "frau")), q.Count(x => Tagged(x, "oesterreich")), q.Count(x => Tagged(x, "schweiz"))])
            .Select(n => n.ToString(CultureInfo.InvariantCulture))]);

    private static string Line(IEnumerable<string> cells) => $"| {string.Join(" | ", cells)} |";

    private static string Share(List<QuestionContent> all, Func<QuestionContent, bool> predicate) => Percent(all.Count(predicate), all.Count);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0} %");
}
