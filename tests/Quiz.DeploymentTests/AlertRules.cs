using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Quiz.DeploymentTests;

/// <summary>deploy/prometheus/alerts.yml as data: each alert's name, expression, labels and annotations; and promtool to check it.</summary>
internal static partial class AlertRules
{
    public sealed record Alert(string Name, string Expression, string? For, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

    public static string Directory => Path.Combine(ComposeFile.DeployDirectory, "prometheus");

    public static IReadOnlyList<Alert> Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Directory, "alerts.yml"))) stream.Load(reader);
        var groups = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["groups"];
        return [.. groups.Children.Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())
            .Select(r => new Alert(
                Scalar(r, "alert")!, Scalar(r, "expr")!, Scalar(r, "for"), Map(r, "labels"), Map(r, "annotations")))];
    }

    /// <summary>The metric names an expression reads (PromQL functions and keywords are followed by "(" or are not quiz_*; <c>up</c> is Prometheus' own).</summary>
    public static IEnumerable<string> MetricNames(string expression) =>
        MetricName().Matches(expression).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    /// <summary>Label values an expression matches with <c>label=~"a|b"</c> or <c>label="a"</c>.</summary>
    public static IEnumerable<(string Label, string Value)> Matched(string expression) =>
        Matcher().Matches(expression).SelectMany(m => m.Groups["values"].Value.Split('|').Select(v => (m.Groups["label"].Value, v)));

    public static (int Exit, string Output) Promtool(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? Scalar(YamlMappingNode node, string key) => ComposeFile.Child(node, key) is YamlScalarNode s ? s.Value : null;

    private static Dictionary<string, string> Map(YamlMappingNode node, string key) =>
        ComposeFile.Child(node, key) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "", StringComparer.Ordinal)
            : [];

    [GeneratedRegex(@"\bquiz_[a-z0-9_]+\b")]
    private static partial Regex MetricName();

    [GeneratedRegex("""(?<label>[a-z_]+)=~?"(?<values>[^"]+)"(?=[,}])""")]
    private static partial Regex Matcher();
}
