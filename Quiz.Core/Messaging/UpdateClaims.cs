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

    /// <summary>
    /// Claimed again after its handling was cut off once its effects had committed: handle it as a
    /// continuation (<see cref="InboundUpdate.IsResumed"/>) that re-sends what the player has not seen.
    /// </summary>
    Resume,
}

/// <summary>
/// At-most-once handling of Telegram updates across replicas and restarts, decided by the
/// primary key of <c>processed_updates</c>. A claim left behind by a crashed replica can be taken
/// over after <see cref="Lease"/>; one given back after its effects committed is taken over at
/// once, as a <see cref="UpdateClaim.Resume"/>. Plain SQL: this runs twice for every update (hot path).
/// </summary>
public sealed class UpdateClaims(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // One round trip: insert the claim, or take over an expired one, or report the row's state ($1 update id, $2 now,
    // $3 the lease's cut-off). The parts are shared with the game press's claim that also touches the player (Game.PressClaims).
    internal const string ClaimCtes = """
        inserted AS (
            INSERT INTO processed_updates (update_id, received_at) VALUES ($1, $2)
            ON CONFLICT (update_id) DO NOTHING RETURNING 1
        ), taken AS (
            UPDATE processed_updates SET received_at = $2
            WHERE update_id = $1 AND completed_at IS NULL AND received_at < $3 AND NOT EXISTS (SELECT 1 FROM inserted)
            RETURNING committed_at
        )
        """;

    /// <summary>The claim's outcome as an <see cref="UpdateClaim"/> number, from <see cref="ClaimCtes"/>.</summary>
    internal const string ClaimOutcome = """
        CASE
            WHEN EXISTS (SELECT 1 FROM inserted) THEN 0
            WHEN EXISTS (SELECT 1 FROM taken) THEN CASE WHEN (SELECT committed_at FROM taken) IS NULL THEN 0 ELSE 3 END
            WHEN (SELECT completed_at FROM processed_updates WHERE update_id = $1) IS NOT NULL THEN 1
            ELSE 2 END
        """;

    private const string ClaimSql = $"WITH {ClaimCtes} SELECT {ClaimOutcome}";

    /// <summary>The parameters of <see cref="ClaimCtes"/>: the update id, now, and the lease's cut-off.</summary>
    internal static object[] ClaimValues(long updateId, DateTimeOffset now) => [updateId, now, now - Lease];

    public async Task<UpdateClaim> ClaimAsync(long updateId, CancellationToken ct = default)
    {
        var result = await ExecuteAsync(ClaimSql, ClaimValues(updateId, time.GetUtcNow()), scalar: true, ct);
        return (UpdateClaim)result;
    }

    public Task CompleteAsync(long updateId, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE processed_updates SET completed_at = $2 WHERE update_id = $1", [updateId, time.GetUtcNow()], scalar: false, ct);

    // Nothing committed: forget the claim, the redelivery is a first delivery. Effects committed:
    // keep the row and end its lease now, so the redelivery resumes at once instead of after the lease — also when the
    // handler's transaction completed the claim with its effects (the answer, ADR 0014) and what came after failed.
    private const string ReleaseSql = """
        WITH forgotten AS (DELETE FROM processed_updates WHERE update_id = $1 AND completed_at IS NULL AND committed_at IS NULL)
        UPDATE processed_updates SET received_at = $2, completed_at = NULL WHERE update_id = $1 AND committed_at IS NOT NULL
        """;

    /// <summary>Gives the update back so a redelivery handles (or resumes) it; best effort when the database is down.</summary>
    public Task ReleaseAsync(long updateId, CancellationToken ct = default) =>
        ExecuteAsync(ReleaseSql, [updateId, time.GetUtcNow() - Lease - TimeSpan.FromSeconds(1)], scalar: false, ct);

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
