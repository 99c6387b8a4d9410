using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Players;

/// <summary>
/// Serialises a player's own use-cases (starting games, duels, support cases) inside the caller's
/// transaction: the player's row is locked until it commits.
/// </summary>
internal static class PlayerLock
{
    public static Task LockAsync(QuizDbContext db, long playerId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM players WHERE id = {playerId} FOR UPDATE", ct);
}
