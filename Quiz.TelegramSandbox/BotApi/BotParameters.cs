using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>
/// The parameters of one call, merged from query string and body. Values may arrive typed (JSON body)
/// or as strings (query, form, multipart), as with Telegram; getters accept both. Reading a name the
/// method does not declare is a bug in the sandbox, not in the caller.
/// </summary>
public sealed class BotParameters(BotMethod method, JsonObject values, IReadOnlyDictionary<string, UploadedFile>? files = null)
{
    public BotMethod Method { get; } = method;

    /// <summary>The file uploaded for <paramref name="name"/> (its own part, or <c>attach://&lt;part&gt;</c>); null if it names no upload.</summary>
    public UploadedFile? Upload(string name)
    {
        var value = String(name);
        return value is not null && value.StartsWith("attach://", StringComparison.Ordinal)
            ? files?.GetValueOrDefault(value["attach://".Length..])
            : null;
    }

    public bool Has(string name) => IsPresent(Value(name));

    public string? String(string name) => Value(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v => v.ToJsonString(),
        var node => node.ToJsonString(),
    };

    public long? Long(string name)
    {
        var node = Value(name);
        if (!IsPresent(node))
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out long l))
        {
            return l;
        }

        return long.TryParse(String(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw ErrorTexts.Invalid(name);
    }

    public int? Int(string name)
    {
        var value = Long(name);
        return value is null ? null : value is >= int.MinValue and <= int.MaxValue ? (int)value : throw ErrorTexts.Invalid(name);
    }

    public bool? Bool(string name)
    {
        var node = Value(name);
        if (!IsPresent(node))
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out bool b))
        {
            return b;
        }

        return String(name)!.ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw ErrorTexts.Invalid(name),
        };
    }

    /// <summary>A JSON-serialized parameter: an object/array in a JSON body, a JSON string in a form.</summary>
    public JsonNode? Json(string name)
    {
        var node = Value(name);
        if (!IsPresent(node))
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out string? text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw ErrorTexts.Invalid(name);
            }
        }

        return node;
    }

    private JsonNode? Value(string name)
    {
        if (!Method.Declares(name))
        {
            throw new InvalidOperationException($"{Method.Name} reads undeclared parameter {name}.");
        }

        return values[name];
    }

    internal static bool IsPresent(JsonNode? node) =>
        node is not null && !(node is JsonValue v && v.TryGetValue(out string? s) && s.Length == 0);
}
