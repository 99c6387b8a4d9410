namespace Quiz.Core.Questions.Lint;

/// <summary>One problem the linter found; <see cref="Rule"/> is one of <see cref="LintRules"/>.</summary>
public sealed record LintFinding(string Rule, string QuestionId, string Message)
{
    public override string ToString() => $"{Rule}: {QuestionId}: {Message}";
}

/// <summary>The bank-wide figures behind the statistical rules.</summary>
public sealed record LintFigures(
    int Questions, int NumericQuestions, int NumericMiddle, double NumericMiddleP,
    int MarginQuestions, int LongestCorrect, double LongestCorrectP);

public sealed record ContentLintResult(IReadOnlyList<LintFinding> Findings, LintFigures Figures)
{
    public int Count(string rule) => Findings.Count(f => f.Rule == rule);
}

public static class LintRules
{
    public const string Duplicate = "duplicate";
    public const string Similar = "similar";
    public const string LongestAnswer = "longest-answer";
    public const string NumericMiddle = "numeric-middle";
    public const string AnswerInQuestion = "answer-in-question";
    public const string Leak = "leak";
    public const string Source = "source";
    public const string Stand = "stand";

    public static readonly IReadOnlyList<string> All = [Duplicate, Similar, LongestAnswer, NumericMiddle, AnswerInQuestion, Leak, Source, Stand];
}

/// <summary>
/// The content linter (issue 16): rules a quiz player's tricks exploit, checked over the whole bank.
/// Pairs of questions the selection keeps apart (same pattern key or listed as related) may be similar
/// and may mention each other's answers; the statistical rules fail when a one-sided binomial test
/// puts the bank's figure below <see cref="Alpha"/>.
/// </summary>
public static partial class ContentLinter
{
    /// <summary>Significance level of the statistical rules.</summary>
    public const double Alpha = 0.01;

    /// <summary>Texts at least this similar (shared content words) in one category must be kept apart.</summary>
    public const double SimilarText = 0.5;

    /// <summary>With the same answer, texts at least this similar are the same question.</summary>
    public const double DuplicateText = 0.7;

    public sealed record Item(string Category, QuestionContent Question)
    {
        public string Id => Question.Id;
        public string Answer => Question.Options[Question.Correct];
        public List<string> TextWords { get; } = LintText.ContentTokens(Question.Text);
    }

    public static ContentLintResult Lint(IReadOnlyList<(string Source, QuestionFile File)> files)
    {
        var items = files.SelectMany(f => f.File.Questions.Where(q => !q.Retired && q.Options.Count == 4 && q.Correct is >= 0 and <= 3)
            .Select(q => new Item(f.File.Category.Id, q))).ToList();
        var apart = KeptApart(items);
        var findings = new List<LintFinding>();
        findings.AddRange(Duplicates(items));
        findings.AddRange(SimilarPairs(items, apart));
        findings.AddRange(Leaks(items, apart));
        findings.AddRange(items.SelectMany(AnswerInQuestion));
        findings.AddRange(items.SelectMany(SourceAndStand));
        var figures = Statistics(items, findings);
        return new ContentLintResult(findings, figures);
    }

    /// <summary>Pairs the selection never puts into one game: same pattern key, or related either way.</summary>
    private static Func<Item, Item, bool> KeptApart(List<Item> items)
    {
        var related = items.SelectMany(i => i.Question.RelatedList.SelectMany(r => new[] { (i.Id, r), (r, i.Id) })).ToHashSet();
        return (a, b) => (a.Question.PatternKey is { } key && key == b.Question.PatternKey) || related.Contains((a.Id, b.Id));
    }

    private static IEnumerable<LintFinding> Duplicates(List<Item> items)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!texts.TryAdd(LintText.Normalize(item.Question.Text), item.Id))
            {
                yield return new(LintRules.Duplicate, item.Id, $"same text as {texts[LintText.Normalize(item.Question.Text)]}");
            }
        }
        foreach (var group in items.GroupBy(i => LintText.Normalize(i.Answer)).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (LintText.Normalize(list[i].Question.Text) == LintText.Normalize(list[j].Question.Text)) continue;
                    var similarity = LintText.Similarity(list[i].TextWords, list[j].TextWords);
                    var options = list[i].Question.Options.Select(LintText.Normalize).Intersect(list[j].Question.Options.Select(LintText.Normalize)).Count();
                    if (similarity >= DuplicateText || (similarity >= 0.4 && options == 4))
                    {
                        yield return new(LintRules.Duplicate, list[j].Id, $"near-duplicate of {list[i].Id} (same answer, {similarity:P0} same words, {options} same options)");
                    }
                }
            }
        }
    }

    private static IEnumerable<LintFinding> SimilarPairs(List<Item> items, Func<Item, Item, bool> apart)
    {
        foreach (var category in items.GroupBy(i => i.Category))
        {
            var list = category.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var similarity = LintText.Similarity(list[i].TextWords, list[j].TextWords);
                    if (similarity >= SimilarText && !apart(list[i], list[j]))
                    {
                        yield return new(LintRules.Similar, list[j].Id,
                            $"{similarity:P0} the same words as {list[i].Id}: give both one patternKey or list one as related");
                    }
                }
            }
        }
    }
}
