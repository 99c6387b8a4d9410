using System.Text.RegularExpressions;

namespace Quiz.Core.Questions;

/// <summary>The content rules of PRODUCT.md §4; the database repeats the ones it can express.</summary>
public static partial class QuestionContentValidator
{
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex Slug();

    /// <summary>
    /// Every problem found, as "file: id: problem"; empty when the set is valid. A <c>related</c> id
    /// must name a question of the files or of <paramref name="knownIds"/> (those already stored).
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<(string Source, QuestionFile File)> files, IReadOnlySet<string>? knownIds = null)
    {
        var errors = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, file) in files)
        {
            if (!Slug().IsMatch(file.Category.Id)) errors.Add($"{source}: category id '{file.Category.Id}' is not a slug");
            if (string.IsNullOrWhiteSpace(file.Category.Name)) errors.Add($"{source}: category has no name");
            if (!categories.Add(file.Category.Id)) errors.Add($"{source}: category '{file.Category.Id}' defined twice");
            foreach (var q in file.Questions)
            {
                foreach (var problem in Check(q)) errors.Add($"{source}: {q.Id}: {problem}");
                if (!ids.TryAdd(q.Id, source)) errors.Add($"{source}: {q.Id}: id also used in {ids[q.Id]}");
                if (!texts.TryAdd(Normalize(q.Text), q.Id)) errors.Add($"{source}: {q.Id}: same question as {texts[Normalize(q.Text)]}");
            }
        }
        foreach (var (source, file) in files)
        {
            foreach (var q in file.Questions)
            {
                foreach (var other in q.RelatedList.Where(r => !ids.ContainsKey(r) && knownIds?.Contains(r) != true))
                {
                    errors.Add($"{source}: {q.Id}: related question '{other}' does not exist");
                }
            }
        }
        return errors;
    }

    public static IEnumerable<string> Check(QuestionContent q)
    {
        if (q.Id.Length > 40 || !Slug().IsMatch(q.Id)) yield return "id must be a lower-case slug like geo-0042";
        if (q.Difficulty is < 1 or > 3) yield return "difficulty must be 1, 2 or 3";
        if (!Within(q.Text, Question.MaxTextLength)) yield return $"text must be 1–{Question.MaxTextLength} characters";
        if (q.Options.Count != Question.OptionCount) yield return "exactly 4 options required";
        else
        {
            if (q.Options.Any(o => !Within(o, Question.MaxOptionLength))) yield return $"options must be 1–{Question.MaxOptionLength} characters";
            if (q.Options.Select(Normalize).Distinct().Count() != Question.OptionCount) yield return "options must be distinct";
        }
        if (q.Correct is < 0 or > 3) yield return "correct must be 0–3";
        if (!Within(q.Explanation, Question.MaxExplanationLength)) yield return $"explanation must be 1–{Question.MaxExplanationLength} characters";
        if (string.IsNullOrWhiteSpace(q.Source)) yield return "source note required";
        if (q.PatternKey is not null && !Slug().IsMatch(q.PatternKey)) yield return "patternKey must be a slug";
        if (q.Tags?.Any(t => t is null || t.Length > MaxTagLength || !Slug().IsMatch(t)) == true) yield return "tags must be slugs";
        if (q.Related?.Any(r => r is null || !Slug().IsMatch(r)) == true) yield return "related must list question ids";
        else if (q.Related?.Contains(q.Id) == true) yield return "a question cannot be related to itself";
    }

    public const int MaxTagLength = 40;

    private static bool Within(string? s, int max) => !string.IsNullOrWhiteSpace(s) && s.Length <= max && s == s.Trim();

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
