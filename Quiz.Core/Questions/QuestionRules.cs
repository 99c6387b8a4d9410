using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>
/// The content rules for the console, in German: <see cref="QuestionContentValidator.Check"/> (the
/// rules the content files obey) plus the column limits the validator leaves to the database.
/// </summary>
public static class QuestionRules
{
    private static readonly Dictionary<string, string> German = new(StringComparer.Ordinal)
    {
        ["id must be a lower-case slug like geo-0042"] =
            "Die ID muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein (z. B. geo-0042, höchstens 40 Zeichen).",
        ["difficulty must be 1, 2 or 3"] = "Die Schwierigkeit muss 1, 2 oder 3 sein.",
        [$"text must be 1–{Question.MaxTextLength} characters"] =
            $"Der Fragetext muss 1–{Question.MaxTextLength} Zeichen lang sein (ohne Leerzeichen am Anfang oder Ende).",
        ["exactly 4 options required"] = "Es sind genau 4 Antworten nötig.",
        [$"options must be 1–{Question.MaxOptionLength} characters"] =
            $"Jede Antwort muss 1–{Question.MaxOptionLength} Zeichen lang sein (ohne Leerzeichen am Anfang oder Ende).",
        ["options must be distinct"] = "Die 4 Antworten müssen verschieden sein.",
        ["correct must be 0–3"] = "Die richtige Antwort muss A, B, C oder D sein.",
        [$"explanation must be 1–{Question.MaxExplanationLength} characters"] =
            $"Die Erklärung muss 1–{Question.MaxExplanationLength} Zeichen lang sein (ohne Leerzeichen am Anfang oder Ende).",
        ["source note required"] = "Eine Quellenangabe ist nötig.",
        ["patternKey must be a slug"] = "Der Muster-Schlüssel muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein.",
        ["tags must be slugs"] = "Jedes Schlagwort muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein (höchstens 40 Zeichen).",
        ["related must list question ids"] = "„related“ muss Fragen-IDs auflisten (z. B. geo-0042).",
        ["a question cannot be related to itself"] = "Eine Frage kann nicht mit sich selbst verwandt sein.",
    };

    /// <summary>German text of a validator message; an unknown (newer) rule is shown as it is.</summary>
    public static string Translate(string problem) =>
        German.TryGetValue(problem, out var text) ? text : $"Regel verletzt: {problem}";

    public static bool IsTranslated(string problem) => German.ContainsKey(problem);

    /// <summary>Every rule the question breaks on its own (not counting duplicates), in German.</summary>
    public static List<string> Problems(QuestionContent content, QuizDbContext db)
    {
        var problems = QuestionContentValidator.Check(content).Select(Translate).ToList();
        var sourceMax = MaxLength(db, nameof(Question.SourceNote));
        if (content.Source is { } source && source.Length > sourceMax)
        {
            problems.Add($"Die Quellenangabe darf höchstens {sourceMax} Zeichen lang sein.");
        }
        var patternMax = MaxLength(db, nameof(Question.PatternKey));
        if (content.PatternKey is { } pattern && pattern.Length > patternMax)
        {
            problems.Add($"Der Muster-Schlüssel darf höchstens {patternMax} Zeichen lang sein.");
        }
        return problems;
    }

    /// <summary>A column's length limit as the model maps it, so this never drifts from the schema.</summary>
    public static int MaxLength(QuizDbContext db, string property, Type? entity = null) =>
        db.Model.FindEntityType(entity ?? typeof(Question))?.FindProperty(property)?.GetMaxLength() ?? int.MaxValue;

    /// <summary>The validator's notion of "the same question": case and runs of white space do not count.</summary>
    public static string NormalizeText(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Stored questions whose normalised text is one of <paramref name="normalizedTexts"/>.</summary>
    public static async Task<List<(string Id, string NormalizedText)>> SameTextsAsync(
        QuizDbContext db, IReadOnlyCollection<string> normalizedTexts, CancellationToken ct)
    {
        if (normalizedTexts.Count == 0) return [];
        var texts = normalizedTexts.ToArray();
        var rows = await db.Questions
            .FromSql($"SELECT * FROM questions WHERE lower(regexp_replace(btrim(text), '\\s+', ' ', 'g')) = ANY({texts})")
            .AsNoTracking()
            .Select(q => new { q.Id, q.Text })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, NormalizeText(r.Text)))];
    }
}
