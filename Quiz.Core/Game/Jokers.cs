using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

public enum JokerOutcome
{
    /// <summary>Two wrong options are gone now; one Joker was used.</summary>
    Used,

    /// <summary>This question already had its 50:50 (a repeated press): nothing used again.</summary>
    AlreadyUsed,

    /// <summary>The player holds no Joker.</summary>
    NoneLeft,

    /// <summary>Tagesquiz, Duell and tournaments are played without jokers.</summary>
    NotAllowed,

    /// <summary>Not the open question of the player's running game (answered, timed out, old or forged).</summary>
    NotCurrent,
}

/// <summary>The outcome; <see cref="Removed"/> are the display positions taken away.</summary>
public sealed record JokerResult(JokerOutcome Outcome, IReadOnlyList<short> Removed, int JokersLeft = 0);

/// <summary>
/// The 50:50 joker: takes away two wrong options of the open question. One Joker per question at
/// most, consumed in the same transaction under the session's row lock with the ledger key
/// <c>joker:&lt;session&gt;:&lt;ordinal&gt;</c>; the table's check keeps the correct option.
/// </summary>
public sealed class Jokers(QuizDbContext db, TimeProvider time)
{
    public async Task<JokerResult> UseAsync(Guid sessionId, long playerId, int ordinal, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (session is null || session.PlayerId != playerId || session.State != SessionState.Active) return Refused(JokerOutcome.NotCurrent);
        if (!GameRules.AllowsJoker(session.Mode)) return Refused(JokerOutcome.NotAllowed);

        var asked = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (asked is null || asked.Ordinal != ordinal || asked.DeadlineAt is null || now > asked.DeadlineAt
            || await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == ordinal, ct))
        {
            return Refused(JokerOutcome.NotCurrent);
        }
        if (asked.RemovedPositions is { } removed) return new JokerResult(JokerOutcome.AlreadyUsed, removed, await LeftAsync(playerId, ct));

        if (!await Wallet.TryConsumeAsync(db, playerId, AssetKind.Joker, $"joker:{sessionId:N}:{ordinal}", sessionId, now, ct))
        {
            return Refused(JokerOutcome.NoneLeft);
        }
        asked.RemovedPositions = Choose(asked.CorrectPosition, SelectionSeed.Rng(session.Seed, -1 - ordinal));
        session.LastActivityAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new JokerResult(JokerOutcome.Used, asked.RemovedPositions, await LeftAsync(playerId, ct));
    }

    /// <summary>Two of the three wrong display positions, in ascending order.</summary>
    public static short[] Choose(short correctPosition, Random rng)
    {
        var wrong = Enumerable.Range(0, 4).Select(p => (short)p).Where(p => p != correctPosition).ToList();
        wrong.RemoveAt(rng.Next(wrong.Count));
        return [.. wrong];
    }

    private Task<int> LeftAsync(long playerId, CancellationToken ct) => Wallet.UsesAsync(db, playerId, AssetKind.Joker, ct);

    private static JokerResult Refused(JokerOutcome outcome) => new(outcome, []);
}
