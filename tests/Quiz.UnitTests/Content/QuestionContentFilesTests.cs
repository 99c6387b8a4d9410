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

    [Fact]
    public void Content_spreads_the_correct_answer_over_all_four_options()
    {
        var questions = Files().SelectMany(f => f.File.Questions).ToList();
        if (questions.Count < 40) return; // too few to judge a distribution

        var share = questions.GroupBy(q => q.Correct).ToDictionary(g => g.Key, g => g.Count() / (double)questions.Count);

        Assert.All(Enumerable.Range(0, 4), i => Assert.InRange(share.GetValueOrDefault((short)i), 0.1, 0.4));
    }
}
