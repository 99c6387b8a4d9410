using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.Core.Messaging;

public sealed record ClaimedOutboxMessage(long Id, string Kind, long? ChatId, string Payload, int Attempts);

/// <summary>
/// The dispatcher's view of the outbox. Claims are leases taken with <c>FOR UPDATE SKIP LOCKED</c>,
/// so any number of bot replicas share the work; only the oldest pending row of each chat is
/// claimable, which keeps every chat's messages in order across replicas.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, CoreMetrics metrics)
{
    private const string ClaimSql = """
        UPDATE outbox_messages o SET locked_until = @until
        FROM (
            SELECT m.id FROM outbox_messages m
            JOIN (
                SELECT DISTINCT ON (chat_id IS NULL, coalesce(chat_id, id)) id FROM outbox_messages
                WHERE state = 'pending' ORDER BY chat_id IS NULL, coalesce(chat_id, id), id
            ) head ON head.id = m.id
            WHERE m.state = 'pending' AND m.available_at <= @now AND (m.locked_until IS NULL OR m.locked_until < @now)
            ORDER BY m.available_at, m.id
            LIMIT @batch
            FOR UPDATE OF m SKIP LOCKED
        ) claimed
        WHERE o.id = claimed.id AND o.state = 'pending'
        RETURNING o.id, o.kind, o.chat_id, o.payload::text, o.attempts
        """;

    public async Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(int batch, TimeSpan lease, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.AddWithValue("until", now + lease);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batch);
        var claimed = new List<ClaimedOutboxMessage>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedOutboxMessage(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4)));
        }
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    public Task CompleteAsync(long id, string? result, CancellationToken ct = default) =>
        FinishAsync(id, OutboxState.Sent, result, error: null, ct);

    /// <summary>A permanent refusal (e.g. Telegram 400): kept with its reason, never retried.</summary>
    public async Task DeadLetterAsync(long id, string reason, CancellationToken ct = default) =>
        metrics.DeadLettered(await FinishAsync(id, OutboxState.Dead, result: null, reason, ct), DeadLetterCauses.Refused);

    /// <summary>The row's player blocked the bot: kept with the reason, never retried (expected, not an operator's alert).</summary>
    public async Task DeadLetterBlockedAsync(long id, string reason, CancellationToken ct = default) =>
        metrics.DeadLettered(await FinishAsync(id, OutboxState.Dead, result: null, reason, ct), DeadLetterCauses.Blocked);

    /// <summary>Back to pending after <paramref name="delay"/>; a 429 is not a failed attempt, an error is.</summary>
    public async Task RetryLaterAsync(long id, TimeSpan delay, string reason, bool countAttempt, CancellationToken ct = default)
    {
        var at = time.GetUtcNow() + delay;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.OutboxMessages.Where(m => m.Id == id && m.State == OutboxState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.AvailableAt, at)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(reason))
            .SetProperty(m => m.Attempts, m => countAttempt ? m.Attempts + 1 : m.Attempts), ct);
    }

    /// <summary>A player blocked the bot: everything still pending for their chat is dead-lettered.</summary>
    public async Task<int> DeadLetterChatAsync(long chatId, string reason, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var dead = await db.OutboxMessages.Where(m => m.ChatId == chatId && m.State == OutboxState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Dead)
            .SetProperty(m => m.ProcessedAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, reason), ct);
        metrics.DeadLettered(dead, DeadLetterCauses.Blocked);
        return dead;
    }

    /// <summary>Returns 1 when this call moved the row out of pending, 0 when another already had.</summary>
    private async Task<int> FinishAsync(long id, OutboxState state, string? result, string? error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutboxMessages.Where(m => m.Id == id && m.State == OutboxState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.ProcessedAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.Result, Truncate(result))
            .SetProperty(m => m.LastError, Truncate(error)), ct);
    }

    private static string? Truncate(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
}
