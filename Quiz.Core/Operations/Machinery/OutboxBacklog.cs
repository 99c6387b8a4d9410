using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Operations.Machinery;

/// <summary>Pending outbox rows of one kind in one lane, and since when the oldest of them waits.</summary>
public sealed record OutboxBacklogRow(string Kind, OutboxLane Lane, int Pending, DateTimeOffset OldestCreatedAt);

/// <summary>A dead letter as the console shows it; <see cref="RequeuedAs"/>: the row its "erneut senden" wrote, if any.</summary>
public sealed record DeadLetterRow(
    long Id, string Kind, OutboxLane Lane, long? ChatId, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeadAt, string? Error, long? RequeuedAs)
{
    /// <summary>Chat messages and notices may be sent again; money commands are retried on their own pages (Käufe, Abgleich).</summary>
    public bool CanRequeue => OutboxBacklog.Requeueable.Contains(Kind);
}

/// <summary>
/// The Betrieb page's view of the outbox: the backlog by kind and lane (one grouped read of the pending rows through the
/// partial index <c>ix_outbox_messages_pending</c>'s rows) and the newest dead letters (through <c>ix_outbox_messages_finished</c>).
/// </summary>
public sealed class OutboxBacklog(IDbContextFactory<QuizDbContext> contexts)
{
    public const int DeadLetterPage = 50;

    /// <summary>The kinds an operator may send again: they only reach a chat (a money command has its own retry).</summary>
    public static readonly IReadOnlySet<string> Requeueable = new HashSet<string>(StringComparer.Ordinal)
    {
        OutboxKinds.SendMessage, OutboxKinds.EditMessage, OutboxKinds.DeleteMessage, OutboxKinds.SendInvoice, OutboxKinds.Notice,
        OutboxKinds.GetWebhookInfo,
    };

    public async Task<IReadOnlyList<OutboxBacklogRow>> BacklogAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Pending)
            .GroupBy(m => new { m.Kind, m.Lane })
            .Select(g => new OutboxBacklogRow(g.Key.Kind, g.Key.Lane, g.Count(), g.Min(m => m.CreatedAt)))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Lane).ThenByDescending(r => r.Pending).ThenBy(r => r.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Chats with at least one pending row (distinct over the partial index <c>ix_outbox_messages_pending_chat</c>).</summary>
    public async Task<int> WaitingChatsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutboxMessages.Where(m => m.State == OutboxState.Pending && m.ChatId != null).Select(m => m.ChatId).Distinct().CountAsync(ct);
    }

    /// <summary>The newest dead letters first, with the row each one's requeue wrote (its idempotency key names it).</summary>
    public async Task<IReadOnlyList<DeadLetterRow>> DeadLettersAsync(int limit = DeadLetterPage, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var dead = await db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Dead)
            .OrderByDescending(m => m.ProcessedAt).ThenByDescending(m => m.Id).Take(limit)
            .Select(m => new { m.Id, m.Kind, m.Lane, m.ChatId, m.Attempts, m.CreatedAt, m.ProcessedAt, m.LastError })
            .ToListAsync(ct);
        var keys = dead.Select(d => DeadLetterRequeue.Key(d.Id)).ToList();
        var requeued = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey != null && keys.Contains(m.IdempotencyKey))
            .Select(m => new { m.IdempotencyKey, m.Id }).ToDictionaryAsync(m => m.IdempotencyKey!, m => m.Id, ct);
        return [.. dead.Select(d => new DeadLetterRow(d.Id, d.Kind, d.Lane, d.ChatId, d.Attempts, d.CreatedAt, d.ProcessedAt, d.LastError,
            requeued.TryGetValue(DeadLetterRequeue.Key(d.Id), out var again) ? again : null))];
    }
}
