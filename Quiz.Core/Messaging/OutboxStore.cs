using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.Core.Messaging;

/// <summary>
/// A leased row. <see cref="Lane"/> is the lane it is sent in: its own, or a higher one waiting behind it in its chat
/// (a reply behind the chat's tournament notice lifts the notice, so the reply is not held in the bulk lane).
/// </summary>
public sealed record ClaimedOutboxMessage(long Id, string Kind, long? ChatId, string Payload, int Attempts, OutboxLane Lane = OutboxLane.Bulk);

/// <summary>
/// The dispatcher's view of the outbox. Claims are leases taken with <c>FOR UPDATE SKIP LOCKED</c>,
/// so any number of bot replicas share the work; only the oldest pending row of each chat is
/// claimable, which keeps every chat's messages in order across replicas. Rows are taken by lane
/// (<see cref="OutboxLane"/>: interactive, payment, bulk), then by availability.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, CoreMetrics metrics)
{
    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(int batch, TimeSpan lease, CancellationToken ct = default) =>
        ClaimAsync(batch, lease, OutboxLane.Bulk, ct);

    /// <summary>
    /// Leases up to <paramref name="batch"/> rows of <paramref name="lowest"/> or a higher lane (a chat's head in a lower
    /// lane counts when such a row waits behind it).
    /// </summary>
    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(int batch, TimeSpan lease, OutboxLane lowest, CancellationToken ct = default) =>
        LeaseAsync(OutboxClaimSql.Claim, batch, batch * OutboxClaimSql.ScanFactor, lease, lowest, ct);

    /// <summary>
    /// Leases up to <paramref name="batch"/> rows of <paramref name="lowest"/> or a higher lane whose chat has nothing
    /// else waiting in those lanes — a reply to a quiet chat — oldest first, however many rows of busier chats were
    /// written before it (issue #12: a flooder's five deferred replies must not hold a quiet player's one).
    /// </summary>
    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimQuietAsync(int batch, TimeSpan lease, OutboxLane lowest, CancellationToken ct = default) =>
        LeaseAsync(OutboxClaimSql.ClaimQuiet, batch, OutboxClaimSql.QuietScan, lease, lowest, ct);

    private async Task<IReadOnlyList<ClaimedOutboxMessage>> LeaseAsync(string sql, int batch, int scan, TimeSpan lease, OutboxLane lowest, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("until", now + lease);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", batch);
        command.Parameters.AddWithValue("scan", scan);
        command.Parameters.AddWithValue("lowest", (short)lowest);
        var claimed = new List<ClaimedOutboxMessage>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedOutboxMessage(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4),
                (OutboxLane)reader.GetInt16(5)));
        }
        // Highest lane first: the dispatcher starts them in this order.
        claimed.Sort((a, b) => a.Lane != b.Lane ? a.Lane.CompareTo(b.Lane) : a.Id.CompareTo(b.Id));
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
