using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

public sealed record ImportResult(int Categories, int Inserted, int Updated, int Unchanged);

public sealed class InvalidContentException(IReadOnlyList<string> errors)
    : Exception($"Question content is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Upserts reviewed question content by stable id. Re-importing never deletes history: questions
/// missing from the files stay, a moderator's suspension survives, <c>retired</c> retires.
/// </summary>
public sealed partial class QuestionContentImporter(QuizDbContext db, TimeProvider time, ILogger<QuestionContentImporter> logger)
{
    public static IReadOnlyList<(string Source, QuestionFile File)> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), JsonSerializer.Deserialize<QuestionFile>(File.ReadAllText(path))
                ?? throw new InvalidContentException([$"{Path.GetFileName(path)}: empty file"])))
            .ToList();
    }

    /// <param name="anyRelated">A single uploaded file may relate to questions of a file not uploaded yet (console).</param>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<(string Source, QuestionFile File)> files, CancellationToken ct = default, bool anyRelated = false)
    {
        var stored = (await db.Questions.AsNoTracking().Select(q => q.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (anyRelated) stored.UnionWith(files.SelectMany(f => f.File.Questions).SelectMany(q => q.RelatedList));
        var errors = QuestionContentValidator.Validate(files, stored);
        if (errors.Count > 0) throw new InvalidContentException(errors);

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, ct);
        var questions = await db.Questions.ToDictionaryAsync(q => q.Id, ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var (_, file) in files)
        {
            if (!categories.TryGetValue(file.Category.Id, out var category))
            {
                category = new Category { Id = file.Category.Id };
                db.Categories.Add(category);
            }
            category.Name = file.Category.Name;
            category.SortOrder = file.Category.SortOrder;

            foreach (var content in file.Questions)
            {
                if (!questions.TryGetValue(content.Id, out var question))
                {
                    question = new Question { Id = content.Id, CreatedAt = now, Status = QuestionStatus.Active };
                    db.Questions.Add(question);
                    Apply(question, file.Category.Id, content);
                    question.UpdatedAt = now;
                    inserted++;
                }
                else if (Apply(question, file.Category.Id, content))
                {
                    question.UpdatedAt = now;
                    updated++;
                }
                else unchanged++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogImported(files.Count, inserted, updated, unchanged);
        return new ImportResult(files.Count, inserted, updated, unchanged);
    }

    /// <summary>Copies content onto the entity; true when anything changed.</summary>
    private static bool Apply(Question q, string categoryId, QuestionContent c)
    {
        var status = c.Retired ? QuestionStatus.Retired
            : q.Status == QuestionStatus.Retired ? QuestionStatus.Active : q.Status;
        var changed = q.CategoryId != categoryId || q.Difficulty != c.Difficulty || q.Text != c.Text
            || !q.Options.SequenceEqual(c.Options) || q.CorrectOption != c.Correct || q.Explanation != c.Explanation
            || q.SourceNote != c.Source || q.PatternKey != c.PatternKey || q.Status != status
            || !q.Tags.SequenceEqual(c.TagList) || !q.Related.SequenceEqual(c.RelatedList);
        q.CategoryId = categoryId;
        q.Difficulty = c.Difficulty;
        q.Text = c.Text;
        q.Options = [.. c.Options];
        q.CorrectOption = c.Correct;
        q.Explanation = c.Explanation;
        q.SourceNote = c.Source;
        q.PatternKey = c.PatternKey;
        q.Tags = c.TagList;
        q.Related = c.RelatedList;
        q.Status = status;
        return changed;
    }

    [LoggerMessage(LogLevel.Information, "Question content imported from {Files} file(s): {Inserted} new, {Updated} changed, {Unchanged} unchanged")]
    private partial void LogImported(int files, int inserted, int updated, int unchanged);
}
