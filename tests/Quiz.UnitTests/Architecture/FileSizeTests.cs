namespace Quiz.UnitTests.Architecture;

public sealed class FileSizeTests
{
    public const int MaxLines = 250;

    [Fact]
    public void No_source_file_exceeds_250_lines()
    {
        var root = RepositoryLayout.Root();

        var tooLong = RepositoryLayout.SourceFiles(root, ".cs", ".razor")
            .Select(f => (Path: Path.GetRelativePath(root.FullName, f.FullName), Lines: File.ReadLines(f.FullName).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.Path}: {f.Lines}")
            .ToList();

        Assert.True(tooLong.Count == 0, "Split these by responsibility: " + string.Join(", ", tooLong));
    }

    [Fact]
    public void Source_scan_sees_the_repository_but_not_generated_migrations()
    {
        var files = RepositoryLayout.SourceFiles(RepositoryLayout.Root(), ".cs")
            .Select(f => f.FullName.Replace('\\', '/'))
            .ToList();

        Assert.Contains(files, f => f.EndsWith("Quiz.Core/Data/QuizDbContext.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/Migrations/", StringComparison.Ordinal));
    }
}
