using System.Globalization;
using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Text;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.Control;

/// <summary>What a simulated user can do in the private chat: write, press buttons, block and unblock the bot.</summary>
public sealed class SimulatedUsers(SandboxWorld world, UpdateQueue queue, CallbackRegistry callbacks, TimeProvider time)
{
    public SimUser Get(long userId) => world.FindUser(userId) ?? throw ControlProblem.NotFound($"user {userId} not found");

    public SimUser Create(CreateUserRequest request)
    {
        var name = string.IsNullOrWhiteSpace(request.FirstName) ? "Spieler" : request.FirstName.Trim();
        if (request.Stars is < 0)
        {
            throw ControlProblem.BadRequest("stars must not be negative");
        }

        return world.CreateUser(name, NullIfEmpty(request.Username), NullIfEmpty(request.LanguageCode) ?? "de", request.Stars);
    }

    public UserMessageResponse SendText(long userId, string? text)
    {
        var user = Get(userId);
        if (string.IsNullOrWhiteSpace(text) || text.Length > FormattedText.MaxLength)
        {
            throw ControlProblem.BadRequest("text must have 1-4096 characters");
        }

        Message wire;
        lock (world.Gate)
        {
            EnsureNotBlocked(user);
            var message = world.AddMessage(user.Id, fromBot: false, m =>
            {
                m.Text = text;
                m.Entities = FormattedText.CommandEntities(text);
            });
            wire = world.ToWire(message);
        }

        return new UserMessageResponse(queue.Enqueue(id => new Update(id, Message: wire)), wire.MessageId);
    }

    public PressResponse Press(long userId, PressRequest request)
    {
        var user = Get(userId);
        if (string.IsNullOrEmpty(request.CallbackData))
        {
            throw ControlProblem.BadRequest("callbackData is required");
        }

        Message wire;
        lock (world.Gate)
        {
            EnsureNotBlocked(user);
            var message = world.FindMessage(user.Id, request.MessageId)
                ?? throw ControlProblem.BadRequest($"message {request.MessageId} not found in the chat");
            if (!request.Force && !HasButton(message.InlineMarkup, request.CallbackData))
            {
                throw ControlProblem.BadRequest($"message {request.MessageId} has no button with that callback data (use force to tamper)");
            }

            wire = world.ToWire(message);
        }

        var queryId = callbacks.Create(user.Id, time.GetUtcNow());
        var chatInstance = unchecked((ulong)user.Id * 2_654_435_761UL).ToString(CultureInfo.InvariantCulture);
        var updateId = queue.Enqueue(id => new Update(id,
            CallbackQuery: new CallbackQuery(queryId, user.ToWire(), wire, chatInstance, request.CallbackData)));
        return new PressResponse(updateId, queryId);
    }

    public CallbackView Callback(long userId, string callbackQueryId)
    {
        Get(userId);
        var state = callbacks.Find(callbackQueryId);
        return state is null || state.UserId != userId
            ? throw ControlProblem.NotFound($"callback query {callbackQueryId} not found")
            : new CallbackView(state.Answered, state.Text, state.ShowAlert);
    }

    /// <summary>Blocking or unblocking sends my_chat_member (kicked / member) as Telegram does.</summary>
    public BlockResponse SetBlocked(long userId, bool blocked)
    {
        var user = Get(userId);
        lock (world.Gate)
        {
            if (user.Blocked == blocked)
            {
                return new BlockResponse(null, blocked);
            }

            user.Blocked = blocked;
        }

        var member = new ChatMember("member", world.Bot);
        var kicked = new ChatMember("kicked", world.Bot, UntilDate: 0);
        var change = new ChatMemberUpdated(user.ToChat(), user.ToWire(), world.Now,
            blocked ? member : kicked, blocked ? kicked : member);
        return new BlockResponse(queue.Enqueue(id => new Update(id, MyChatMember: change)), blocked);
    }

    public IReadOnlyList<ChatItem> Chat(long userId)
    {
        var user = Get(userId);
        lock (world.Gate)
        {
            return [.. world.Messages(user.Id).Where(m => !m.Deleted).Select(ToItem)];
        }
    }

    private static ChatItem ToItem(StoredMessage m) => new(
        m.MessageId, m.FromBot, m.Text, m.Date, m.EditDate,
        m.InlineMarkup?.DeepClone().AsObject(),
        m.Invoice is null ? null : WireJson.ToObject(m.Invoice.ToWire()),
        m.SuccessfulPayment is null ? null : WireJson.ToObject(m.SuccessfulPayment),
        m.RefundedPayment is null ? null : WireJson.ToObject(m.RefundedPayment),
        m.Entities is null ? null : WireJson.ToNode(m.Entities)!.AsArray(),
        m.ReplyKeyboard?.DeepClone().AsObject(),
        m.PaidChargeId is not null,
        m.Document is null ? null : WireJson.ToObject(m.Document.ToWire()),
        m.Caption);

    /// <summary>The bytes of the document in a bot message of the chat.</summary>
    public StoredDocument Document(long userId, int messageId)
    {
        var user = Get(userId);
        lock (world.Gate)
        {
            return world.FindMessage(user.Id, messageId)?.Document ?? throw ControlProblem.NotFound("no document in that message");
        }
    }

    private static bool HasButton(JsonObject? markup, string data) =>
        markup?["inline_keyboard"] is JsonArray rows && rows.OfType<JsonArray>().SelectMany(r => r)
            .Any(b => b?["callback_data"] is JsonValue v && v.TryGetValue(out string? s) && s == data);

    private static void EnsureNotBlocked(SimUser user)
    {
        if (user.Blocked)
        {
            throw ControlProblem.BadRequest("the user has blocked the bot; unblock first");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
