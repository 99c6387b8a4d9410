namespace Quiz.Core.Messaging;

/// <summary>What an outbox row asks the bot layer to do. The dispatcher executes each kind.</summary>
public static class OutboxKinds
{
    public const string SendMessage = "send_message";
    public const string EditMessage = "edit_message";
    public const string DeleteMessage = "delete_message";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        SendMessage, EditMessage, DeleteMessage,
    };
}

/// <summary>An inline button: exactly one of callback data (≤ 64 bytes) or URL.</summary>
public sealed record MessageButton(string Text, string? CallbackData = null, string? Url = null);

/// <summary>Payload of <see cref="OutboxKinds.SendMessage"/>; text is HTML as Telegram parses it.</summary>
public sealed record SendMessagePayload(string Text, IReadOnlyList<IReadOnlyList<MessageButton>>? Buttons = null);

/// <summary>Payload of <see cref="OutboxKinds.EditMessage"/>.</summary>
public sealed record EditMessagePayload(long MessageId, string Text, IReadOnlyList<IReadOnlyList<MessageButton>>? Buttons = null);

/// <summary>Payload of <see cref="OutboxKinds.DeleteMessage"/>.</summary>
public sealed record DeleteMessagePayload(long MessageId);
