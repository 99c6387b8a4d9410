using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Core.Game;

/// <summary>
/// The claim of a game button press (the answer update, issue #14) together with the player's touch, in one round trip:
/// the same claim as <see cref="UpdateClaims.ClaimAsync"/> and, only when this replica gets the update to handle
/// (<see cref="UpdateClaim.Claimed"/> or <see cref="UpdateClaim.Resume"/>), the same upsert as
/// <see cref="PlayerDirectory.TouchAsync"/> — so a duplicate or a claim held elsewhere touches nobody, as before.
/// </summary>
public sealed class PressClaims(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    private const string Sql = $"""
        WITH {UpdateClaims.ClaimCtes}, claim AS (SELECT {UpdateClaims.ClaimOutcome} AS outcome),
        touched AS (
            {PlayerDirectory.TouchInsert}
            SELECT $4, $5, $6, $7, $8, $8 FROM claim WHERE claim.outcome IN (0, 3)
            {PlayerDirectory.TouchConflict}
        )
        SELECT claim.outcome, touched.id, touched.banned, touched.created FROM claim LEFT JOIN touched ON true
        """;

    /// <summary>The claim, and the player (null unless the claim is this replica's to handle).</summary>
    public async Task<(UpdateClaim Claim, PlayerSnapshot? Player)> ClaimAsync(long updateId, PlayerIdentity who, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        foreach (var value in UpdateClaims.ClaimValues(updateId, now)) command.Parameters.Add(new NpgsqlParameter { Value = value });
        PlayerDirectory.AddTouchValues(command, who, now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var claim = (UpdateClaim)reader.GetInt32(0);
        return (claim, reader.IsDBNull(1) ? null : PlayerDirectory.ReadSnapshot(reader, 1, who));
    }
}
