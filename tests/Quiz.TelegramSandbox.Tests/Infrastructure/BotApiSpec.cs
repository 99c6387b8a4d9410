using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>docs/telegram/bot-api-spec.json (Bot API 10.1) and a checker for JSON against its types.</summary>
public sealed class BotApiSpec
{
    private readonly JsonObject _methods;
    private readonly JsonObject _types;

    private BotApiSpec(JsonObject root)
    {
        _methods = root["methods"]!.AsObject();
        _types = root["types"]!.AsObject();
    }

    public static BotApiSpec Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "bot-api-spec.json")))!.AsObject());

    public JsonObject? Method(string name) => _methods[name]?.AsObject();

    public static IEnumerable<JsonObject> Fields(JsonObject methodOrType) =>
        (methodOrType["fields"]?.AsArray() ?? []).Select(f => f!.AsObject());

    public IReadOnlyList<string> Returns(string method) => [.. Method(method)!["returns"]!.AsArray().Select(r => r!.GetValue<string>())];

    /// <summary>Problems of <paramref name="value"/> as an instance of any of <paramref name="typeNames"/>; empty when it fits one.</summary>
    public IReadOnlyList<string> Check(JsonNode? value, IReadOnlyList<string> typeNames, string path)
    {
        List<string>? best = null;
        foreach (var type in typeNames)
        {
            var problems = new List<string>();
            CheckOne(value, type, path, problems);
            if (problems.Count == 0)
            {
                return [];
            }

            best = best is null || problems.Count < best.Count ? problems : best;
        }

        return best ?? [$"{path}: no type"];
    }

    private void CheckOne(JsonNode? value, string type, string path, List<string> problems)
    {
        if (type.StartsWith("Array of ", StringComparison.Ordinal))
        {
            if (value is not JsonArray array)
            {
                problems.Add($"{path}: expected {type}");
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                problems.AddRange(Check(array[i], [type["Array of ".Length..]], $"{path}[{i}]"));
            }

            return;
        }

        var kind = value?.GetValueKind();
        var ok = type switch
        {
            "Integer" => kind == System.Text.Json.JsonValueKind.Number,
            "Float" => kind == System.Text.Json.JsonValueKind.Number,
            "String" => kind == System.Text.Json.JsonValueKind.String,
            "Boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "True" => kind == System.Text.Json.JsonValueKind.True,
            _ => (bool?)null,
        };
        if (ok is not null)
        {
            if (ok == false)
            {
                problems.Add($"{path}: expected {type}");
            }

            return;
        }

        var definition = _types[type]?.AsObject();
        if (definition is null)
        {
            problems.Add($"{path}: unknown spec type {type}");
            return;
        }

        if (definition["subtypes"] is JsonArray subtypes)
        {
            problems.AddRange(Check(value, [.. subtypes.Select(s => s!.GetValue<string>())], path));
            return;
        }

        if (value is not JsonObject obj)
        {
            problems.Add($"{path}: expected object {type}");
            return;
        }

        var fields = Fields(definition).ToDictionary(f => f["name"]!.GetValue<string>());
        foreach (var (name, fieldValue) in obj)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                problems.Add($"{path}.{name}: not a field of {type}");
                continue;
            }

            problems.AddRange(Check(fieldValue, [.. field["types"]!.AsArray().Select(t => t!.GetValue<string>())], $"{path}.{name}"));
        }

        problems.AddRange(fields.Values.Where(f => f["required"]!.GetValue<bool>() && !obj.ContainsKey(f["name"]!.GetValue<string>()))
            .Select(f => $"{path}: required field {f["name"]} of {type} missing"));
    }
}
