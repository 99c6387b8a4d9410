using System.Text.RegularExpressions;
using Quiz.Testing;
using YamlDotNet.RepresentationModel;

namespace Quiz.DeploymentTests;

/// <summary>
/// deploy/compose.yaml as docker compose reads it: YAML with merge keys (&lt;&lt;), and <c>${NAME}</c>,
/// <c>${NAME:-default}</c>, <c>${NAME:?error}</c> filled from deploy/.env.example — so a variable the file needs
/// but the example does not name fails here, as it would fail an operator's <c>docker compose up</c>.
/// </summary>
internal sealed partial class ComposeFile
{
    public static string DeployDirectory => Path.Combine(TestEnvironment.RepositoryRoot(), "deploy");

    private readonly YamlMappingNode root;
    private readonly IReadOnlyDictionary<string, string> variables;

    private ComposeFile(YamlMappingNode root, IReadOnlyDictionary<string, string> variables)
    {
        this.root = root;
        this.variables = variables;
    }

    public static ComposeFile Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(DeployDirectory, "compose.yaml")))
        {
            stream.Load(reader);
        }
        return new ComposeFile((YamlMappingNode)stream.Documents[0].RootNode, EnvFile(Path.Combine(DeployDirectory, ".env.example")));
    }

    /// <summary>KEY=VALUE lines; comments and blank lines skipped.</summary>
    public static Dictionary<string, string> EnvFile(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    public IEnumerable<string> ServiceNames => Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public YamlMappingNode Service(string name) => Merged((YamlMappingNode)Services[name]);

    /// <summary>
    /// YAML's merge key, as compose applies it: the keys of the mapping(s) under <c>&lt;&lt;</c> are taken where the
    /// mapping does not set them itself (shallow). YamlDotNet's MergingParser would repeat overridden keys instead.
    /// </summary>
    public static YamlMappingNode Merged(YamlMappingNode node)
    {
        if (!node.Children.TryGetValue("<<", out var merge)) return node;
        var result = new YamlMappingNode();
        foreach (var (key, value) in node.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<")) result.Add(key, value);
        var sources = merge is YamlSequenceNode list ? list.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)merge];
        foreach (var source in sources.Select(Merged))
        {
            foreach (var (key, value) in source.Children.Where(c => !result.Children.ContainsKey(c.Key))) result.Add(key, value);
        }
        return result;
    }

    public YamlMappingNode? Section(string name) => root.Children.TryGetValue(name, out var node) ? node as YamlMappingNode : null;

    private YamlMappingNode Services => (YamlMappingNode)root["services"];

    public static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var child) ? child : null;

    /// <summary>The service's environment after interpolation (mapping or list form).</summary>
    public Dictionary<string, string> Environment(string service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Child(Service(service), "environment"))
        {
            case YamlMappingNode unmerged when Merged(unmerged) is var map:
                foreach (var (key, value) in map.Children) result[((YamlScalarNode)key).Value!] = Interpolate(((YamlScalarNode)value).Value ?? "");
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Cast<YamlScalarNode>())
                {
                    var parts = item.Value!.Split('=', 2);
                    result[parts[0]] = Interpolate(parts.Length > 1 ? parts[1] : "");
                }
                break;
        }
        return result;
    }

    /// <summary>Raw (uninterpolated) environment values, to look for inline secrets.</summary>
    public IEnumerable<(string Key, string Value)> RawEnvironment(string service) =>
        Child(Service(service), "environment") is YamlMappingNode map
            ? Merged(map).Children.Select(c => (((YamlScalarNode)c.Key).Value!, ((YamlScalarNode)c.Value).Value ?? ""))
            : [];

    /// <summary>The file name each secret is mounted as under /run/secrets (short form: the secret's name).</summary>
    public List<(string Source, string Target)> Secrets(string service) =>
        Child(Service(service), "secrets") is YamlSequenceNode list
            ? [.. list.Children.Select(s => s switch
            {
                YamlScalarNode name => (name.Value!, name.Value!),
                YamlMappingNode map => (((YamlScalarNode)map["source"]).Value!,
                    Child(map, "target") is YamlScalarNode t ? t.Value! : ((YamlScalarNode)map["source"]).Value!),
                _ => throw new InvalidOperationException("Unexpected secret entry."),
            })]
            : [];

    public string Interpolate(string value) => Variable().Replace(value, m =>
    {
        var name = m.Groups["name"].Value;
        var set = variables.TryGetValue(name, out var v) && v.Length > 0;
        return m.Groups["op"].Value switch
        {
            ":-" => set ? v! : m.Groups["arg"].Value,
            ":?" => set ? v! : throw new InvalidOperationException($"{name} is required by compose.yaml but not set in .env.example: {m.Groups["arg"].Value}"),
            _ => variables.TryGetValue(name, out var plain) ? plain : throw new InvalidOperationException($"{name} is used by compose.yaml but not named in .env.example."),
        };
    });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
