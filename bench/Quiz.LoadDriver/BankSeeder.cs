using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Data;
using Quiz.Core.Questions;

namespace Quiz.LoadDriver;

/// <summary>
/// The question bank for the answers scenario: the repository's reviewed content (what the
/// migrator imports in production), optionally padded with copies under new ids up to a size.
/// </summary>
internal static class BankSeeder
{
    private const int Batch = 2_000;

    public static async Task<int> SeedAsync(IServiceProvider core, int size, CancellationToken ct)
    {
        await using var scope = core.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        var content = Path.Combine(RepositoryRoot(), "content", "questions");
        await scope.ServiceProvider.GetRequiredService<QuestionContentImporter>().ImportAsync(QuestionContentImporter.ReadDirectory(content), ct);

        var originals = await db.Questions.AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct);
        for (var next = originals.Count; next < size;)
        {
            for (var end = Math.Min(size, next + Batch); next < end; next++)
            {
                var o = originals[next % originals.Count];
                db.Questions.Add(new Question
                {
                    Id = $"{o.Id}-k{next}", CategoryId = o.CategoryId, Difficulty = o.Difficulty, Text = o.Text, Options = [.. o.Options],
                    CorrectOption = o.CorrectOption, Explanation = o.Explanation, SourceNote = o.SourceNote, PatternKey = o.PatternKey,
                    Status = o.Status, CreatedAt = o.CreatedAt, UpdatedAt = o.UpdatedAt,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return await db.Questions.CountAsync(q => q.Status == QuestionStatus.Active, ct);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quiz.Aspire.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Quiz.Aspire.sln not found above " + AppContext.BaseDirectory);
    }
}
