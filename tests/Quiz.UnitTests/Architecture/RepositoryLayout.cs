using Quiz.Testing;

namespace Quiz.UnitTests.Architecture;

internal static class RepositoryLayout
{
    public static DirectoryInfo Root() => new(TestEnvironment.RepositoryRoot());

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
