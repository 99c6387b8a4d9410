using Quiz.Core.Questions;
using Quiz.Core.Questions.Lint;
using Quiz.UnitTests.Architecture;

namespace Quiz.UnitTests.Content;

/// <summary>The reviewed question files in <c>content/questions</c> as the migrator will import them.</summary>
public sealed class QuestionContentFilesTests
{
    private static IReadOnlyList<(string Source, QuestionFile File)> Files() =>
        QuestionContentImporter.ReadDirectory(Path.Combine(RepositoryLayout.Root().FullName, "content", "questions"));

    [Fact]
    public void Content_files_pass_the_validator()
    {
        var errors = QuestionContentValidator.Validate(Files());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Content_files_pass_the_content_linter()
    {
        var result = ContentLinter.Lint(Files());

        Assert.True(result.Findings.Count == 0, string.Join(Environment.NewLine, result.Findings));
    }

    [Fact]
    public void Content_has_at_least_600_questions_in_at_least_10_categories_and_all_difficulties()
    {
        var files = Files();
        var questions = files.SelectMany(f => f.File.Questions).ToList();

        Assert.True(questions.Count >= 600, $"only {questions.Count} questions");
        Assert.True(files.Select(f => f.File.Category.Id).Distinct().Count() >= 10);
        Assert.Equal([1, 2, 3], questions.Select(q => (int)q.Difficulty).Distinct().Order());
        Assert.All(files, f => Assert.True(f.File.Questions.Count >= 40, $"{f.Source} has too few questions"));
    }
}
