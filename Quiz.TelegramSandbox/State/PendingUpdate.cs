using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.State;

/// <summary>An update waiting for getUpdates or webhook delivery. Mutable parts are guarded by the queue.</summary>
public sealed class PendingUpdate(int updateId, string type, string orderKey, string body)
{
    public int UpdateId { get; } = updateId;

    /// <summary>The update type as named in allowed_updates, e.g. "message".</summary>
    public string Type { get; } = type;

    /// <summary>Updates with the same key (the chat) are delivered one after another.</summary>
    public string OrderKey { get; } = orderKey;

    /// <summary>The update as JSON text: immutable, so delivery and getUpdates can read it concurrently.</summary>
    public string Body { get; } = body;

    public bool InFlight { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public static PendingUpdate Create(int updateId, JsonObject json) =>
        new(updateId, TypeOf(json), OrderKeyOf(updateId, json), json.ToJsonString(Wire.WireJson.Options));

    /// <summary>Finds the chat an update belongs to so that webhook delivery keeps per-chat order.</summary>
    public static string OrderKeyOf(int updateId, JsonObject json)
    {
        foreach (var (name, value) in json)
        {
            if (name == "update_id" || value is not JsonObject body)
            {
                continue;
            }

            var chat = body["chat"]?["id"] ?? body["message"]?["chat"]?["id"] ?? body["from"]?["id"] ?? body["user"]?["id"];
            if (chat is JsonValue id)
            {
                return "chat:" + id.ToJsonString();
            }
        }

        return "update:" + updateId;
    }

    public static string TypeOf(JsonObject json) =>
        json.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? "unknown";
}
