using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Replies;

/// <summary>
/// Keeps a chat's messages in order once one of its replies went to the outbox: while the outbox
/// holds anything pending for that chat, later replies queue behind it instead of overtaking — on
/// every replica, because the question goes to the database (one partial-index lookup).
/// Updates of one chat arrive one after another (Telegram waits for the webhook's answer), so a
/// reply being deferred by a parallel update of the same chat is not a case to serve.
/// The answer update's commit reads it along (ADR 0014, <see cref="InboundUpdate.KnowBacklog"/>): its reply takes that.
/// </summary>
public sealed class ChatBacklog(IDbContextFactory<QuizDbContext> contexts)
{
    public async Task<bool> HasBacklogAsync(long chatId, CancellationToken ct)
    {
        if (InboundUpdate.Current?.TakeBacklog(chatId) is { } known) return known;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AnyAsync(m => m.ChatId == chatId && m.State == OutboxState.Pending, ct);
    }
}
