using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Players;

/// <summary>
/// Serialises a player's own use-cases (starting games, duels, support cases) inside the caller's
/// transaction: the player's row is locked until it commits. <c>FOR NO KEY UPDATE</c> excludes the
/// player's other use-cases but not the foreign-key checks of rows that merely point at the player
/// (answers, ledger entries): those take <c>FOR KEY SHARE</c>, and waiting on them here would let a
/// use-case that holds a session or a tournament and inserts such a row deadlock against this one.
/// </summary>
internal static class PlayerLock
{
    public static Task LockAsync(QuizDbContext db, long playerId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM players WHERE id = {playerId} FOR NO KEY UPDATE", ct);
}
