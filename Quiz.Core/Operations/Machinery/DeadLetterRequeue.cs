using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.Operations.Machinery;

public enum RequeueOutcome
{
    /// <summary>A new pending row was written; the dispatcher sends it.</summary>
    Requeued,

    /// <summary>This dead letter was sent again before (another click, another operator): nothing written.</summary>
    AlreadyRequeued,

    /// <summary>No dead letter with this id, or one of a kind that is not sent again from here.</summary>
    NotRequeueable,
}

/// <summary>
/// "Erneut senden": a dead letter is copied into a new pending row whose idempotency key is <c>requeue:&lt;id&gt;</c>. The
/// unique index on that key lets exactly one copy exist however often and however concurrently it is asked for; the copy
/// keeps the dead row as it was (the history stays) and waits behind the chat's pending rows. Audited in the same transaction.
/// </summary>
public sealed class DeadLetterRequeue(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public static string Key(long deadLetterId) => $"requeue:{deadLetterId}";

    // One statement: the copy exists once (ON CONFLICT on the unique key, which also waits for a concurrent insert of it).
    private const string CopySql = """
        INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, idempotency_key, created_at, available_at)
        SELECT d.kind, d.lane, d.chat_id, d.payload, 'pending', 0, @key, @now, @now
        FROM outbox_messages d
        WHERE d.id = @id AND d.state = 'dead' AND d.kind = ANY(@kinds)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
        """;

    public async Task<RequeueOutcome> RequeueAsync(long deadLetterId, string operatorName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        long? copy;
        await using (var command = new NpgsqlCommand(CopySql, connection, (NpgsqlTransaction)tx.GetDbTransaction()))
        {
            command.Parameters.AddWithValue("id", deadLetterId);
            command.Parameters.AddWithValue("key", Key(deadLetterId));
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("kinds", OutboxBacklog.Requeueable.ToArray());
            copy = await command.ExecuteScalarAsync(ct) as long?;
        }
        if (copy is not { } id)
        {
            await tx.RollbackAsync(ct);
            var exists = await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == Key(deadLetterId), ct);
            return exists ? RequeueOutcome.AlreadyRequeued : RequeueOutcome.NotRequeueable;
        }
        AuditLog.Record(db, operatorName, AuditActions.OutboxRequeued, $"outbox:{deadLetterId}", $"erneut gesendet als Nr. {id}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RequeueOutcome.Requeued;
    }

    /// <summary>Each selected dead letter once; returns how many were written now.</summary>
    public async Task<int> RequeueAsync(IEnumerable<long> deadLetterIds, string operatorName, CancellationToken ct = default)
    {
        var written = 0;
        foreach (var id in deadLetterIds.Distinct())
        {
            if (await RequeueAsync(id, operatorName, ct) == RequeueOutcome.Requeued) written++;
        }
        return written;
    }
}
