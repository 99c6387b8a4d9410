using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Quiz.TelegramSandbox.Wire;

/// <summary>The Bot API wire format: snake_case names, absent instead of null, dates as Unix seconds.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Telegram sends umlauts and emoji unescaped; clients accept both, but logs stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)!.AsObject();

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
