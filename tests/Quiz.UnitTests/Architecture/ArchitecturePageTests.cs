using System.Text.RegularExpressions;

namespace Quiz.UnitTests.Architecture;

/// <summary>
/// docs/architecture.md is what a newcomer reads first; these tests keep it in step with the code: its table of
/// allowed module directions is the one <see cref="ModuleGraph"/> enforces, and every file it links to exists.
/// </summary>
public sealed partial class ArchitecturePageTests
{
    private const string PagePath = "docs/architecture.md";
    private const string TableHeader = "| Module | May depend on |";
    private const string None = "—";

    [Fact]
    public void Allowed_directions_table_equals_the_module_graph()
    {
        var page = ParseAllowedTable(File.ReadAllLines(PageFile()));
        var code = ModuleGraph.AllowedDirections;

        Assert.Equal(Describe(code), Describe(page));
    }

    [Fact]
    public void Every_relative_link_on_the_page_points_at_an_existing_file()
    {
        var page = PageFile();
        var folder = Path.GetDirectoryName(page)!;
        var missing = Link().Matches(File.ReadAllText(page))
            .Select(m => m.Groups["target"].Value.Split('#')[0])
            .Where(t => t.Length > 0 && !t.Contains("://", StringComparison.Ordinal))
            .Where(t => !File.Exists(Path.Combine(folder, t)) && !Directory.Exists(Path.Combine(folder, t)))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, $"{PagePath} links to missing files: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ParseAllowedTable_reads_modules_and_targets_and_stops_at_the_table_end()
    {
        string[] lines =
        [
            "text before",
            TableHeader,
            "|---|---|",
            "| Common | — |",
            "| Game | Common, Questions |",
            "",
            "| Other | table |",
        ];

        var table = ParseAllowedTable(lines);

        Assert.Equal(["Common", "Game"], table.Keys.Order());
        Assert.Empty(table["Common"]);
        Assert.Equal(["Common", "Questions"], table["Game"]);
    }

    /// <summary>The rows of the one table headed <see cref="TableHeader"/>; "—" means no targets.</summary>
    private static Dictionary<string, string[]> ParseAllowedTable(IReadOnlyList<string> lines)
    {
        var headers = lines.Select((line, index) => (line, index)).Where(l => l.line.Trim() == TableHeader).ToList();
        Assert.True(headers.Count == 1, $"{PagePath} needs exactly one table headed '{TableHeader}', found {headers.Count}");

        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in lines.Skip(headers[0].index + 2).TakeWhile(l => l.TrimStart().StartsWith('|')))
        {
            var cells = row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 2, $"Row '{row}' must have two cells");
            var targets = cells[1] == None ? [] : cells[1].Split(", ").Select(t => t.Trim()).ToArray();
            Assert.True(table.TryAdd(cells[0], targets), $"Module '{cells[0]}' appears twice in the table");
        }
        return table;
    }

    /// <summary>One line per module with its sorted targets, so a difference shows as a readable diff.</summary>
    private static List<string> Describe(IReadOnlyDictionary<string, string[]> allowed) =>
        [.. allowed.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}: {string.Join(", ", p.Value.Order(StringComparer.Ordinal))}")];

    private static string PageFile() => Path.Combine(RepositoryLayout.Root().FullName, PagePath);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
