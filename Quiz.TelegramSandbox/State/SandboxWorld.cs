using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Users and their private chats with the bot. One lock guards all of it: operations are tiny and
/// a single lock keeps edits, deletes and payments on one message consistent.
/// </summary>
public sealed class SandboxWorld(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, SimUser> _users = [];
    private readonly Dictionary<long, List<StoredMessage>> _chats = [];
    private readonly Dictionary<long, int> _lastMessageId = [];

    public User Bot { get; } = new(
        options.Value.BotId, true, "Quiz", Username: "QuizSandboxBot", CanJoinGroups: false,
        CanReadAllGroupMessages: false, SupportsInlineQueries: false, CanConnectToBusiness: false, HasMainWebApp: false);

    /// <summary>The bot as it appears in message.from: getMe's extra capability fields are not repeated there.</summary>
    public User BotAsSender => Bot with
    {
        CanJoinGroups = null, CanReadAllGroupMessages = null, SupportsInlineQueries = null, CanConnectToBusiness = null, HasMainWebApp = null,
    };

    public Lock Gate => _gate;

    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    public SimUser CreateUser(string firstName, string? username, string? languageCode, int? stars)
    {
        lock (_gate)
        {
            long id;
            do
            {
                // Realistic 10-digit ids, random so that ids never repeat across sandbox restarts or resets.
                id = Random.Shared.NextInt64(1_000_000_000, 8_000_000_000);
            }
            while (_users.ContainsKey(id));

            var user = new SimUser(id, firstName, username, languageCode, stars ?? options.Value.InitialStars);
            _users[id] = user;
            _chats[id] = [];
            return user;
        }
    }

    public SimUser? FindUser(long id)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<SimUser> Users()
    {
        lock (_gate)
        {
            return [.. _users.Values];
        }
    }

    /// <summary>Resolves chat_id (number or @username) to a private chat, as the bot may address it.</summary>
    public SimUser ResolveChat(string? chatId)
    {
        lock (_gate)
        {
            SimUser? user = null;
            if (long.TryParse(chatId, out var id))
            {
                user = _users.GetValueOrDefault(id);
            }
            else if (chatId is ['@', .. var name])
            {
                user = _users.Values.FirstOrDefault(u => string.Equals(u.Username, name, StringComparison.OrdinalIgnoreCase));
            }

            return user ?? throw ErrorTexts.ChatNotFound();
        }
    }

    /// <summary>Like <see cref="ResolveChat"/>, refusing chats whose user blocked the bot.</summary>
    public SimUser ResolveWritableChat(string? chatId)
    {
        var user = ResolveChat(chatId);
        lock (_gate)
        {
            return user.Blocked ? throw ErrorTexts.Blocked() : user;
        }
    }

    public StoredMessage AddMessage(long chatId, bool fromBot, Action<StoredMessage> fill)
    {
        lock (_gate)
        {
            var id = _lastMessageId.GetValueOrDefault(chatId) + 1;
            _lastMessageId[chatId] = id;
            var message = new StoredMessage(id, chatId, fromBot, Now);
            fill(message);
            _chats[chatId].Add(message);
            return message;
        }
    }

    public StoredMessage? FindMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _chats.GetValueOrDefault(chatId)?.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted);
        }
    }

    public IReadOnlyList<StoredMessage> Messages(long chatId)
    {
        lock (_gate)
        {
            return [.. _chats.GetValueOrDefault(chatId) ?? []];
        }
    }

    /// <summary>The Bot API view of a message; call under <see cref="Gate"/> or on a message no one mutates.</summary>
    public Message ToWire(StoredMessage m)
    {
        lock (_gate)
        {
            var user = _users[m.ChatId];
            return new Message(
                m.MessageId, m.FromBot ? BotAsSender : user.ToWire(), user.ToChat(), m.Date, m.EditDate, m.Text, m.Entities,
                m.Invoice?.ToWire(), m.SuccessfulPayment, m.RefundedPayment, m.InlineMarkup?.DeepClone().AsObject(),
                m.Document?.ToWire(), m.Caption, m.CaptionEntities);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _users.Clear();
            _chats.Clear();
            _lastMessageId.Clear();
        }
    }
}
