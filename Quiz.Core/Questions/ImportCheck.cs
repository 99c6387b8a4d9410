using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>Compares an uploaded content file with the database: per question new, updated, unchanged or rejected.</summary>
internal static partial class ImportCheck
{
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex Slug();

    public static async Task<ImportReport> RunAsync(QuizDbContext db, string fileName, QuestionFile file, CancellationToken ct)
    {
        var fileErrors = new List<string>();
        var category = file.Category;
        var stored = await db.Categories.AsNoTracking().ToListAsync(ct);
        var existingCategory = stored.SingleOrDefault(c => c.Id == category.Id);
        CheckCategory(db, category, stored, fileErrors);
        if (file.Questions.Count == 0) fileErrors.Add("Die Datei enthält keine Fragen.");
        if (file.Questions.Any(q => q is null)) fileErrors.Add("Die Datei enthält leere Einträge (null) in „questions“.");

        var contents = file.Questions.Where(q => q is not null).Select(Sanitize).ToList();
        var ids = contents.Select(c => c.Id).Distinct().ToList();
        var existing = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var texts = contents.Select(c => QuestionRules.NormalizeText(c.Text)).Where(t => t.Length > 0).Distinct().ToList();
        // A stored question that the file itself rewrites is checked by its new text, not the old one.
        // One file of several may relate to questions of a file uploaded later: the console stores such ids
        // (the selection ignores ids it does not know); the test over content/questions checks them across all files.
        var knownIds = contents.SelectMany(c => c.RelatedList).Where(r => r is not null).ToHashSet(StringComparer.Ordinal);
        var storedTexts = (await QuestionRules.SameTextsAsync(db, texts, ct)).Where(s => !ids.Contains(s.Id)).ToList();

        var lines = new List<ImportLine>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var content in contents)
        {
            var problems = QuestionRules.Problems(content, db);
            if (!seenIds.TryAdd(content.Id, 1)) problems.Add("Die ID kommt in der Datei mehrfach vor.");
            var text = QuestionRules.NormalizeText(content.Text);
            if (text.Length > 0 && !seenTexts.TryAdd(text, content.Id)) problems.Add($"Gleiche Frage wie {seenTexts[text]} in dieser Datei.");
            problems.AddRange(storedTexts.Where(s => s.NormalizedText == text).Select(s => $"Gleiche Frage wie {s.Id} (schon gespeichert)."));

            lines.Add(problems.Count > 0 ? new ImportLine(content.Id, content.Text, ImportVerdict.Rejected, problems)
                : !existing.TryGetValue(content.Id, out var question) ? new ImportLine(content.Id, content.Text, ImportVerdict.New, [])
                : Changes(question, category.Id, content) is { Count: > 0 } changes ? new ImportLine(content.Id, content.Text, ImportVerdict.Updated, changes)
                : new ImportLine(content.Id, content.Text, ImportVerdict.Unchanged, []));
        }

        // Whatever the file-wide validator still finds (a rule added later) blocks the import too.
        if (fileErrors.Count == 0 && lines.All(l => l.Verdict != ImportVerdict.Rejected))
        {
            fileErrors.AddRange(QuestionContentValidator.Validate([(fileName, file)], knownIds).Select(e => $"Regel verletzt: {e}"));
        }

        var categoryVerdict = existingCategory is null ? ImportVerdict.New
            : existingCategory.Name != category.Name || existingCategory.SortOrder != category.SortOrder ? ImportVerdict.Updated
            : ImportVerdict.Unchanged;
        return new ImportReport(fileName, category.Id, category.Name, categoryVerdict, fileErrors, lines);
    }

    private static void CheckCategory(QuizDbContext db, CategoryContent category, List<Category> stored, List<string> errors)
    {
        var idMax = QuestionRules.MaxLength(db, nameof(Category.Id), typeof(Category));
        var nameMax = QuestionRules.MaxLength(db, nameof(Category.Name), typeof(Category));
        if (category.Id.Length > idMax || !Slug().IsMatch(category.Id))
        {
            errors.Add($"Die Kategorie-ID „{category.Id}“ muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein (höchstens {idMax} Zeichen).");
        }
        if (string.IsNullOrWhiteSpace(category.Name)) errors.Add("Die Kategorie hat keinen Namen.");
        else if (category.Name.Length > nameMax) errors.Add($"Der Kategoriename darf höchstens {nameMax} Zeichen lang sein.");
        if (stored.FirstOrDefault(c => c.Name == category.Name && c.Id != category.Id) is { } other)
        {
            errors.Add($"Der Kategoriename „{category.Name}“ gehört schon zur Kategorie {other.Id}.");
        }
    }

    /// <summary>Null options become empty (and so break the length rule) instead of crashing the validator.</summary>
    private static QuestionContent Sanitize(QuestionContent c) =>
        c.Options.Any(o => o is null) ? c with { Options = [.. c.Options.Select(o => o ?? "")] } : c;

    /// <summary>What the importer would change on a stored question, by the same comparison it uses.</summary>
    private static List<string> Changes(Question q, string categoryId, QuestionContent c)
    {
        var status = c.Retired ? QuestionStatus.Retired
            : q.Status == QuestionStatus.Retired ? QuestionStatus.Active : q.Status;
        var changes = new List<string>();
        if (q.CategoryId != categoryId) changes.Add($"Kategorie: {q.CategoryId} → {categoryId}");
        if (q.Difficulty != c.Difficulty) changes.Add($"Schwierigkeit: {q.Difficulty} → {c.Difficulty}");
        if (q.Text != c.Text) changes.Add("Fragetext");
        if (!q.Options.SequenceEqual(c.Options)) changes.Add("Antworten");
        if (q.CorrectOption != c.Correct) changes.Add($"Richtige Antwort: {Letter(q.CorrectOption)} → {Letter(c.Correct)}");
        if (q.Explanation != c.Explanation) changes.Add("Erklärung");
        if (q.SourceNote != c.Source) changes.Add("Quelle");
        if (q.PatternKey != c.PatternKey) changes.Add("Muster-Schlüssel");
        if (!q.Tags.SequenceEqual(c.TagList)) changes.Add("Schlagwörter");
        if (!q.Related.SequenceEqual(c.RelatedList)) changes.Add("Verwandte Fragen");
        if (q.Status != status) changes.Add(status == QuestionStatus.Retired ? "wird ausgemustert" : "wird wieder aktiv");
        return changes;
    }

    private static string Letter(short index) => index is >= 0 and <= 3 ? ((char)('A' + index)).ToString() : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
