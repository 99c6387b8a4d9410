using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Text;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>Sending, editing and deleting text messages in private chats.</summary>
public sealed class MessageMethods(SandboxWorld world, SendRateLimiter limiter) : IBotMethodGroup
{
    private const long DeleteWindowSeconds = 48 * 3600;

    public void Register(BotMethodRouter router)
    {
        router.Map("sendMessage", SendMessage);
        router.Map("editMessageText", EditMessageText);
        router.Map("editMessageReplyMarkup", EditMessageReplyMarkup);
        router.Map("deleteMessage", DeleteMessage);
    }

    private BotResult SendMessage(BotParameters p)
    {
        var user = world.ResolveWritableChat(p.String("chat_id"));
        var text = FormattedText.Parse(p.String("text"), p.String("parse_mode"), p.Json("entities"));
        var markup = ReplyMarkup.Parse(p.Json("reply_markup"));
        limiter.Acquire(user.Id, p.Bool("allow_paid_broadcast") == true);
        var message = world.AddMessage(user.Id, fromBot: true, m =>
        {
            m.Text = text.Text;
            m.Entities = text.Entities;
            m.InlineMarkup = markup.Inline;
            m.ReplyKeyboard = markup.UserKeyboard;
        });
        return BotResult.Of(world.ToWire(message));
    }

    private BotResult EditMessageText(BotParameters p)
    {
        var (user, messageId) = Target(p);
        var text = FormattedText.Parse(p.String("text"), p.String("parse_mode"), p.Json("entities"));
        var markup = ReplyMarkup.Parse(p.Json("reply_markup"), inlineOnly: true);
        return Edit(user, messageId, m =>
        {
            if (m.Text is null)
            {
                throw ErrorTexts.NoTextToEdit();
            }

            var same = m.Text == text.Text && SameEntities(m.Entities, text.Entities) && JsonNode.DeepEquals(m.InlineMarkup, markup.Inline);
            m.Text = text.Text;
            m.Entities = text.Entities;
            m.InlineMarkup = markup.Inline;
            return !same;
        });
    }

    private BotResult EditMessageReplyMarkup(BotParameters p)
    {
        var (user, messageId) = Target(p);
        var markup = ReplyMarkup.Parse(p.Json("reply_markup"), inlineOnly: true);
        return Edit(user, messageId, m =>
        {
            var same = JsonNode.DeepEquals(m.InlineMarkup, markup.Inline);
            m.InlineMarkup = markup.Inline;
            return !same;
        });
    }

    private BotResult DeleteMessage(BotParameters p)
    {
        var user = world.ResolveChat(p.String("chat_id"));
        var messageId = p.Int("message_id")!.Value;
        lock (world.Gate)
        {
            var message = world.FindMessage(user.Id, messageId) ?? throw ErrorTexts.MessageToDeleteNotFound();
            if (world.Now - message.Date > DeleteWindowSeconds)
            {
                throw ErrorTexts.MessageCantBeDeleted();
            }

            message.Deleted = true;
        }

        return BotResult.True();
    }

    /// <summary>chat_id + message_id of the message to edit; the sandbox has no inline messages.</summary>
    private (SimUser User, int MessageId) Target(BotParameters p)
    {
        if (p.Has("inline_message_id"))
        {
            throw ErrorTexts.MessageToEditNotFound();
        }

        if (!p.Has("chat_id"))
        {
            throw ErrorTexts.Missing("chat_id");
        }

        if (!p.Has("message_id"))
        {
            throw ErrorTexts.Missing("message_id");
        }

        return (world.ResolveWritableChat(p.String("chat_id")), p.Int("message_id")!.Value);
    }

    /// <summary>Applies <paramref name="change"/> (which says whether anything changed) atomically.</summary>
    private BotResult Edit(SimUser user, int messageId, Func<StoredMessage, bool> change)
    {
        lock (world.Gate)
        {
            var message = world.FindMessage(user.Id, messageId) ?? throw ErrorTexts.MessageToEditNotFound();
            if (!message.FromBot)
            {
                throw ErrorTexts.MessageCantBeEdited();
            }

            var before = (message.Text, message.Entities, message.InlineMarkup);
            if (!change(message))
            {
                throw ErrorTexts.NotModified();
            }

            try
            {
                limiter.Acquire(user.Id);
            }
            catch (BotApiException)
            {
                (message.Text, message.Entities, message.InlineMarkup) = before;
                throw;
            }

            message.EditDate = world.Now;
            return BotResult.Of(world.ToWire(message));
        }
    }

    private static bool SameEntities(IReadOnlyList<MessageEntity>? a, IReadOnlyList<MessageEntity>? b) =>
        (a ?? []).SequenceEqual(b ?? []);
}
