using System.Text.Json;
using Quiz.Core.Data;

namespace Quiz.Core.Messaging;

/// <summary>
/// Writes work for the bot layer into the caller's unit of work, so the notice is committed
/// exactly when the change that caused it is.
/// </summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Enqueue(
        QuizDbContext db,
        string kind,
        long? chatId,
        object payload,
        DateTimeOffset now,
        string? idempotencyKey = null,
        DateTimeOffset? availableAt = null)
    {
        if (!OutboxKinds.All.Contains(kind)) throw new ArgumentException($"Unknown outbox kind '{kind}'.", nameof(kind));
        var message = new OutboxMessage
        {
            Kind = kind,
            Lane = OutboxLanes.Of(kind, payload),
            ChatId = chatId,
            Payload = JsonSerializer.Serialize(payload, payload.GetType(), PayloadJson),
            State = OutboxState.Pending,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
            AvailableAt = availableAt ?? now,
        };
        db.OutboxMessages.Add(message);
        // A reply of this update must not rely on a backlog read before this row (the next reply asks the database).
        InboundUpdate.Current?.ForgetBacklog();
        return message;
    }

    public static OutboxMessage EnqueueMessage(QuizDbContext db, long chatId, SendMessagePayload message, DateTimeOffset now, string? idempotencyKey = null) =>
        Enqueue(db, OutboxKinds.SendMessage, chatId, message, now, idempotencyKey);

    public static T ReadPayload<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, PayloadJson) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");
}
