using Quiz.Core.Questions;
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
}
