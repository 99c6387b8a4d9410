using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.Core.Messaging;

public enum UpdateClaim
{
    /// <summary>This replica owns the update and must complete or release it.</summary>
    Claimed,

    /// <summary>The update was handled before: acknowledge it and do nothing.</summary>
    AlreadyHandled,

    /// <summary>Another replica is handling it right now: ask for redelivery later.</summary>
    InProgress,
}

/// <summary>
/// At-most-once handling of Telegram updates across replicas and restarts, decided by the
/// primary key of <c>processed_updates</c>. A claim left behind by a crashed replica can be taken
/// over after <see cref="Lease"/>. Plain SQL: this runs twice for every update (hot path).
/// </summary>
public sealed class UpdateClaims(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // One round trip: insert the claim, or take over an expired one, or report the row's state.
    private const string ClaimSql = """
        WITH inserted AS (
            INSERT INTO processed_updates (update_id, received_at) VALUES ($1, $2)
            ON CONFLICT (update_id) DO NOTHING RETURNING 1
        ), taken AS (
            UPDATE processed_updates SET received_at = $2
            WHERE update_id = $1 AND completed_at IS NULL AND received_at < $3 AND NOT EXISTS (SELECT 1 FROM inserted)
            RETURNING 1
        )
        SELECT CASE
            WHEN EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM taken) THEN 0
            WHEN (SELECT completed_at FROM processed_updates WHERE update_id = $1) IS NOT NULL THEN 1
            ELSE 2 END
        """;

    public async Task<UpdateClaim> ClaimAsync(long updateId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var result = await ExecuteAsync(ClaimSql, [updateId, now, now - Lease], scalar: true, ct);
        return (UpdateClaim)result;
    }

    public Task CompleteAsync(long updateId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE processed_updates SET completed_at = $2 WHERE update_id = $1", [updateId, time.GetUtcNow()], scalar: false, ct);

    /// <summary>Gives the update back so a redelivery is handled; best effort when the database is down.</summary>
    public Task ReleaseAsync(long updateId, CancellationToken ct = default) =>
        ExecuteAsync("DELETE FROM processed_updates WHERE update_id = $1 AND completed_at IS NULL", [updateId], scalar: false, ct);

    private async Task<int> ExecuteAsync(string sql, object[] values, bool scalar, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return scalar ? Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)
            : await command.ExecuteNonQueryAsync(ct);
    }
}
