using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Handlers;

/// <summary><c>my_chat_member</c>: the player blocked (kicked) or unblocked the bot in their private chat.</summary>
public sealed class MembershipHandler(PlayerDirectory players, OutboxStore outbox)
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken ct)
    {
        if (update.Chat.Type != ChatType.Private) return;
        var blocked = update.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        await players.SetBlockedAsync(update.Chat.Id, blocked, ct);
        if (blocked)
        {
            await outbox.DeadLetterChatAsync(update.Chat.Id, "player blocked the bot", ct);
        }
    }
}
