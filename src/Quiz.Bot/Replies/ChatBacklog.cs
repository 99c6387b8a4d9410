using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Replies;

/// <summary>
/// Keeps a chat's messages in order once one of its replies went to the outbox: until the outbox
/// has sent what is pending for that chat, later replies queue behind it instead of overtaking.
/// Chats this replica never deferred cost nothing; a marked chat costs one indexed read.
/// </summary>
public sealed class ChatBacklog(IDbContextFactory<QuizDbContext> contexts)
{
    private readonly ConcurrentDictionary<long, byte> marked = new();

    public void Mark(long chatId) => marked.TryAdd(chatId, 0);

    public async Task<bool> HasBacklogAsync(long chatId, CancellationToken ct)
    {
        if (!marked.ContainsKey(chatId)) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.OutboxMessages.AnyAsync(m => m.ChatId == chatId && m.State == OutboxState.Pending, ct)) return true;
        marked.TryRemove(chatId, out _);
        return false;
    }
}
