using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>Rows for the "Betrieb" page: a dead letter and a message still waiting in the outbox.</summary>
public static class MachineryConsole
{
    /// <summary>A message to a random chat that failed for good with <paramref name="error"/>; its outbox id.</summary>
    public static async Task<long> DeadLetterAsync(PostgresDatabase database, string error)
    {
        await using var db = database.CreateContext();
        var row = OutboxWriter.EnqueueMessage(db, Random.Shared.NextInt64(1, long.MaxValue), new SendMessagePayload("Hallo"), DateTimeOffset.UtcNow);
        row.State = OutboxState.Dead;
        row.ProcessedAt = DateTimeOffset.UtcNow;
        row.LastError = error;
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>A duel notice to chat 42, waiting for three minutes.</summary>
    public static async Task WaitingNoticeAsync(PostgresDatabase database)
    {
        await using var db = database.CreateContext();
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, 42, new NoticePayload("duel.finished"), DateTimeOffset.UtcNow.AddMinutes(-3));
        await db.SaveChangesAsync();
    }
}
