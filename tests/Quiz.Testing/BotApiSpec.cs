using System.Text.Json;

namespace Quiz.Testing;

/// <summary>
/// The Telegram Bot API 10.1 specification as data (<c>docs/telegram/bot-api-spec.json</c>), used to
/// check that every call the bot makes has the shape Telegram documents.
/// </summary>
public sealed class BotApiSpec
{
    private readonly Dictionary<string, (HashSet<string> All, HashSet<string> Required)> methods;

    private BotApiSpec(Dictionary<string, (HashSet<string>, HashSet<string>)> methods) => this.methods = methods;

    public static BotApiSpec Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot(), "docs", "telegram", "bot-api-spec.json")));
        var methods = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in document.RootElement.GetProperty("methods").EnumerateObject())
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (method.Value.TryGetProperty("fields", out var fields))
            {
                foreach (var field in fields.EnumerateArray())
                {
                    var name = field.GetProperty("name").GetString()!;
                    all.Add(name);
                    if (field.GetProperty("required").GetBoolean()) required.Add(name);
                }
            }
            methods[method.Name] = (all, required);
        }
        return new BotApiSpec(methods);
    }

    /// <summary>Problems of one call: unknown method, parameters the method does not have, required ones missing.</summary>
    public IEnumerable<string> Check(string method, IReadOnlyCollection<string> parameters)
    {
        if (!methods.TryGetValue(method, out var spec))
        {
            yield return $"{method}: not a Bot API method";
            yield break;
        }
        foreach (var p in parameters.Where(p => !spec.All.Contains(p))) yield return $"{method}: unknown parameter '{p}'";
        foreach (var p in spec.Required.Where(p => !parameters.Contains(p))) yield return $"{method}: missing required '{p}'";
    }
}
