using System.Text.RegularExpressions;

namespace Quiz.Core.Questions.Lint;

public static partial class ContentLinter
{
    /// <summary>Words that make a fact time-sensitive (PRODUCT: such a fact carries "Stand …").</summary>
    [GeneratedRegex(@"\b(aktuell\w*|derzeit\w*|amtierend\w*|neueste\w*|jüngste\w*|zuletzt|momentan\w*|heute)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeSensitive();

    /// <summary>Uses of those words that are no claim about now: a title, a record of back then.</summary>
    [GeneratedRegex(@"\bJüngsten?\s+Gerichts?\b|\b(damals|bis dahin|seinerzeit)\s+(der|die|das|den|dem)?\s*jüngst\w*", RegexOptions.IgnoreCase)]
    private static partial Regex NotTimeSensitive();

    [GeneratedRegex(@"\bStand\s+(?:\p{L}+\.?\s+)?\d{4}\b")]
    private static partial Regex StandDate();

    /// <summary>A question whose text names another one's answer, where both may meet in one game.</summary>
    private static IEnumerable<LintFinding> Leaks(List<Item> items, Func<Item, Item, bool> apart)
    {
        foreach (var category in items.GroupBy(i => i.Category))
        {
            var list = category.Select(i => (Item: i, Words: LintText.Tokens(i.Question.Text))).ToList();
            foreach (var (b, _) in list)
            {
                var answerWords = LintText.ContentTokens(b.Answer).Where(t => t.Length >= 5 && !t.All(char.IsAsciiDigit)).ToList();
                if (answerWords.Count == 0) continue;
                var key = answerWords.MaxBy(t => t.Length)!;
                var phrase = $" {LintText.Normalize(b.Answer)} ";
                foreach (var (a, words) in list)
                {
                    if (ReferenceEquals(a, b) || apart(a, b)) continue;
                    if (!words.Any(w => w.StartsWith(key, StringComparison.Ordinal)) && !$" {string.Join(' ', words)} ".Contains(phrase, StringComparison.Ordinal)) continue;
                    var shared = a.TextWords.Intersect(b.TextWords).Where(t => !answerWords.Contains(t) && !LintText.IsGeneric(t)).ToList();
                    if (shared.Any(LintText.IsYear) || shared.Count >= 2)
                    {
                        yield return new(LintRules.Leak, a.Id,
                            $"its text names „{b.Answer}“, the answer of {b.Id} (shared: {string.Join(", ", shared)}): give both one patternKey or list one as related");
                    }
                }
            }
        }
    }

    /// <summary>A word of the correct answer that the text repeats and no wrong option shares.</summary>
    private static IEnumerable<LintFinding> AnswerInQuestion(Item item)
    {
        var text = LintText.Tokens(item.Question.Text);
        var others = item.Question.Options.Where((_, i) => i != item.Question.Correct).SelectMany(LintText.Tokens).ToList();
        foreach (var word in LintText.ContentTokens(item.Answer).Where(t => t.Length >= 4 && !t.All(char.IsAsciiDigit)).Distinct())
        {
            var hit = text.FirstOrDefault(u => u.StartsWith(word, StringComparison.Ordinal) || (u.Length >= 5 && word.StartsWith(u, StringComparison.Ordinal) && word.Length - u.Length <= 2));
            var shared = others.Any(o => o.Contains(word, StringComparison.Ordinal) || (o.Length >= 4 && word.StartsWith(o, StringComparison.Ordinal)));
            if (hit is not null && !shared)
            {
                yield return new(LintRules.AnswerInQuestion, item.Id, $"the answer's word „{word}“ is in the text („{hit}“) and in no wrong option");
            }
        }
    }

    private static IEnumerable<LintFinding> SourceAndStand(Item item)
    {
        if (string.IsNullOrWhiteSpace(item.Question.Source) || item.Question.Source.Trim().Length < 3)
        {
            yield return new(LintRules.Source, item.Id, "source note missing");
        }
        var all = $"{item.Question.Text} {item.Question.Explanation}";
        var cleaned = NotTimeSensitive().Replace(all, " ");
        if (TimeSensitive().Match(cleaned) is { Success: true } word && !StandDate().IsMatch(all))
        {
            yield return new(LintRules.Stand, item.Id, $"„{word.Value}“ is time-sensitive: add „Stand <Monat> <Jahr>“ or „(Stand <Jahr>)“");
        }
    }

    /// <summary>The bank-wide tests: correct numeric value in the middle, correct option the longest by a clear margin.</summary>
    private static LintFigures Statistics(List<Item> items, List<LintFinding> findings)
    {
        int numeric = 0, middle = 0, margin = 0, longest = 0;
        var middleIds = new List<string>();
        var longestIds = new List<string>();
        foreach (var item in items)
        {
            if (LintText.NumericValues(item.Question.Options) is { } values)
            {
                numeric++;
                var rank = values.Order().ToList().IndexOf(values[item.Question.Correct]);
                if (rank is 1 or 2) { middle++; middleIds.Add(item.Id); }
                continue;
            }
            if (LongestByMargin(item.Question.Options) is { } index)
            {
                margin++;
                if (index == item.Question.Correct) { longest++; longestIds.Add(item.Id); }
            }
        }
        var middleP = Binomial.UpperTail(middle, numeric, 0.5);
        var longestP = Binomial.UpperTail(longest, margin, 0.25);
        if (middleP < Alpha)
        {
            findings.Add(new(LintRules.NumericMiddle, "(bank)",
                $"the correct value is one of the two middle values in {middle} of {numeric} numeric questions (chance: half; p = {middleP:G2}): {string.Join(", ", middleIds)}"));
        }
        if (longestP < Alpha)
        {
            findings.Add(new(LintRules.LongestAnswer, "(bank)",
                $"the correct option is the longest by a clear margin in {longest} of {margin} questions with such an option (chance: a quarter; p = {longestP:G2}): {string.Join(", ", longestIds)}"));
        }
        return new LintFigures(items.Count, numeric, middle, middleP, margin, longest, longestP);
    }

    /// <summary>The option that is at least a quarter and 4 characters longer than every other one, if any.</summary>
    public static int? LongestByMargin(IReadOnlyList<string> options)
    {
        var ordered = options.Select((o, i) => (o.Length, i)).OrderByDescending(x => x.Length).ToList();
        return ordered[0].Length >= 1.25 * ordered[1].Length && ordered[0].Length - ordered[1].Length >= 4 ? ordered[0].i : null;
    }
}
