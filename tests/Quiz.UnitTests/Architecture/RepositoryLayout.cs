namespace Quiz.UnitTests.Architecture;

internal static class RepositoryLayout
{
    /// <summary>The folder holding <c>Quiz.Aspire.sln</c>, found from the test's output folder.</summary>
    public static DirectoryInfo Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quiz.Aspire.sln"))) return dir;
        }
        throw new InvalidOperationException("Quiz.Aspire.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Source files of the repository, without build output and generated migrations.</summary>
    public static IEnumerable<FileInfo> SourceFiles(DirectoryInfo root, params string[] extensions) =>
        root.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase))
            .Where(f => !IsExcluded(Path.GetRelativePath(root.FullName, f.FullName)));

    private static bool IsExcluded(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "Migrations" or ".git" or "node_modules" or "BenchmarkDotNet.Artifacts");
    }
}
