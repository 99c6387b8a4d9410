namespace Quiz.UnitTests.Architecture;

/// <summary>The repository root holds the projects the design card names, side by side (no <c>src/</c>).</summary>
public sealed class RepositoryLayoutTests
{
    private static readonly string[] Projects =
    [
        "Quiz.AppHost", "Quiz.ServiceDefaults", "Quiz.Bot", "Quiz.Admin", "Quiz.Worker", "Quiz.Core",
        "Quiz.Migrator", "Quiz.TelegramSandbox",
    ];

    [Fact]
    public void Every_project_sits_at_the_root_and_no_src_folder_remains()
    {
        var root = RepositoryLayout.Root();

        foreach (var project in Projects)
            Assert.True(File.Exists(Path.Combine(root.FullName, project, project + ".csproj")), project + " is not at the root");
        Assert.False(Directory.Exists(Path.Combine(root.FullName, "src")), "src/ must not exist");
        foreach (var folder in new[] { "tests", "bench", "content", "docs", "scripts" })
            Assert.True(Directory.Exists(Path.Combine(root.FullName, folder)), folder + "/ is missing");
        Assert.True(File.Exists(Path.Combine(root.FullName, "README.md")));
    }

    [Fact]
    public void The_solution_lists_every_project_by_its_root_path()
    {
        var root = RepositoryLayout.Root();
        var solution = File.ReadAllText(Path.Combine(root.FullName, "Quiz.Aspire.sln"));

        foreach (var project in Projects)
            Assert.Contains($"\"{project}\\{project}.csproj\"", solution, StringComparison.Ordinal);
    }
}
