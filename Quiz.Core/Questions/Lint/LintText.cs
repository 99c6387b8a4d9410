using System.Globalization;
using System.Text.RegularExpressions;

namespace Quiz.Core.Questions.Lint;

/// <summary>Word-level helpers of the content linter: lower-case tokens, content words, numeric options.</summary>
public static partial class LintText
{
    private static readonly HashSet<string> Stopwords = new(
        ("der die das den dem des ein eine einer eines einem einen und oder von vom zu zum zur im in am an auf aus bei mit nach "
        + "für über unter vor ist sind war waren wird wurde wurden wer was wie welche welcher welches welchem welchen wo wann "
        + "es er sie sich nicht als auch noch nur so bis durch gegen ohne um etwas dieser diese dieses heißt nennt man hat haben").Split(' '),
        StringComparer.Ordinal);

    /// <summary>Words too common to tie two questions to one topic.</summary>
    private static readonly HashSet<string> Generic = new(
        "liegt stadt land landes welt erde deutschland deutschlands jahr jahre gibt bekannt erste ersten größte größten".Split(' '),
        StringComparer.Ordinal);

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\A(?:ca\.\s*|rund\s+|etwa\s+|über\s+)?(-?\d{1,3}(?:[.\u202F\u00A0 ]\d{3})+|-?\d+)(?:,(\d+))?\s*(.*)\z", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    /// <summary>Lower-case words of <paramref name="text"/>, punctuation dropped.</summary>
    public static List<string> Tokens(string text) =>
        [.. NonWord().Split(text.ToLowerInvariant()).Where(t => t.Length > 0)];

    /// <summary>Words that carry meaning: no stopwords; short words only when they are numbers.</summary>
    public static List<string> ContentTokens(string text) =>
        [.. Tokens(text).Where(t => !Stopwords.Contains(t) && (t.Length >= 4 || t.All(char.IsAsciiDigit)))];

    public static bool IsGeneric(string token) => Generic.Contains(token);

    public static bool IsYear(string token) => token.Length == 4 && token.All(char.IsAsciiDigit);

    /// <summary>The text as the duplicate check compares it: lower case, words only, single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>Share of words the two sets have in common (Jaccard); 0 for two empty sets.</summary>
    public static double Similarity(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        var union = new HashSet<string>(a, StringComparer.Ordinal);
        union.UnionWith(b);
        if (union.Count == 0) return 0;
        var common = new HashSet<string>(a, StringComparer.Ordinal);
        common.IntersectWith(b);
        return (double)common.Count / union.Count;
    }

    /// <summary>
    /// The values of four numeric options ("1.000 km", "2,5 Mio.", "1989") when all four are numbers
    /// with one and the same unit; otherwise null.
    /// </summary>
    public static double[]? NumericValues(IReadOnlyList<string> options)
    {
        var values = new double[options.Count];
        string? unit = null;
        for (var i = 0; i < options.Count; i++)
        {
            var m = Number().Match(options[i].Trim());
            if (!m.Success) return null;
            var digits = new string([.. m.Groups[1].Value.Where(c => c == '-' || char.IsAsciiDigit(c))]);
            var text = m.Groups[2].Success ? $"{digits}.{m.Groups[2].Value}" : digits;
            values[i] = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var suffix = m.Groups[3].Value.Trim().ToLowerInvariant();
            if (unit is not null && unit != suffix) return null;
            unit = suffix;
        }
        return values.Distinct().Count() == values.Length ? values : null;
    }
}
