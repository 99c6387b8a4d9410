using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

/// <summary>
/// The two steps every game use-case shares, inside the caller's transaction: lock a session row
/// (answers, jokers, "Weiter", the game clock) and create a session for a player whose row is locked
/// (every mode, duels and tournament attempts).
/// </summary>
internal static class GameSessions
{
    /// <summary>The session row, locked until the caller's transaction ends; null when there is none.</summary>
    internal static async Task<GameSession?> LockAsync(QuizDbContext db, Guid sessionId, CancellationToken ct) =>
        (await db.GameSessions.FromSqlInterpolated($"SELECT * FROM game_sessions WHERE id = {sessionId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    /// <summary>
    /// Adds a session inside the caller's transaction (player row locked). A new game ends the
    /// player's open one: a shared-set game (Tagesquiz, Duell, Turnier) counts as played, others are abandoned.
    /// The exception is a tournament attempt still before the tournament's end (a ticket and a ranking are at
    /// stake): then no game starts and the result is null; the caller returns and its transaction rolls back.
    /// </summary>
    /// <summary>The player's open games (active or paused).</summary>
    internal static IQueryable<GameSession> OpenOf(QuizDbContext db, long playerId) =>
        db.GameSessions.Where(s => s.PlayerId == playerId && (s.State == SessionState.Active || s.State == SessionState.Paused));

    /// <summary>
    /// Ends open games in the caller's unit of work: a shared set (Tagesquiz, duel, tournament) finishes with
    /// what was answered (a duel may complete), any other game is abandoned.
    /// </summary>
    internal static async Task EndAsync(QuizDbContext db, IEnumerable<GameSession> open, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var previous in open)
        {
            if (GameRules.UsesSharedSet(previous.Mode)) await SessionProgress.FinishAsync(db, previous, now, ct);
            else
            {
                previous.State = SessionState.Abandoned;
                previous.FinishedAt = now;
            }
        }
    }

    internal static async Task<Guid?> CreateAsync(
        QuizDbContext db, long playerId, GameMode mode, string? categoryId, Guid? setId, DateTimeOffset now, CancellationToken ct,
        int? questionCount = null, DateTimeOffset? playUntil = null)
    {
        var open = await OpenOf(db, playerId).ToListAsync(ct);
        if (open.Any(s => s.Mode == GameMode.Tournament && (s.PlayUntil is null || s.PlayUntil > now))) return null;
        await EndAsync(db, open, now, ct);

        var id = Guid.CreateVersion7(now);
        db.GameSessions.Add(new GameSession
        {
            Id = id,
            PlayerId = playerId,
            Mode = mode,
            State = SessionState.Active,
            CategoryId = categoryId,
            QuestionSetId = setId,
            Seed = SelectionSeed.For(playerId, id, BerlinDay.Containing(now).Day),
            QuestionCount = questionCount ?? GameRules.QuestionCount(mode),
            PlayUntil = playUntil,
            StartedAt = now,
            LastActivityAt = now,
        });
        await db.SaveChangesAsync(ct);
        return id;
    }
}
