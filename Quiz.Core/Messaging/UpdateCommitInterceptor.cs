using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Quiz.Core.Messaging;

/// <summary>
/// Completes the "effects exist" half of an update's claim inside the handler's first committing
/// transaction: one extra statement in that transaction, none in later ones. Either the effects and
/// the mark commit together or neither does, so a redelivery never guesses (issue #11, item 2).
/// Plain statements outside a transaction (the player touch, the sent-at stamp) change nothing that
/// a repeat could double and are not marked.
/// </summary>
public sealed class UpdateCommitInterceptor(TimeProvider time) : DbTransactionInterceptor
{
    private const string MarkSql = "UPDATE processed_updates SET committed_at = $2 WHERE update_id = $1 AND committed_at IS NULL";

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Mark(transaction) is { } command)
        {
            await using (command) await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Mark(transaction) is { } command)
        {
            using (command) command.ExecuteNonQuery();
        }
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (InboundUpdate.Current is { } update) update.Committed = true;
    }

    private NpgsqlCommand? Mark(DbTransaction transaction)
    {
        if (InboundUpdate.Current is not { Committed: false } update || transaction is not NpgsqlTransaction npgsql) return null;
        var command = new NpgsqlCommand(MarkSql, npgsql.Connection, npgsql);
        command.Parameters.Add(new NpgsqlParameter { Value = update.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return command;
    }
}
