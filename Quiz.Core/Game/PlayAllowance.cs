using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Economy;

namespace Quiz.Core.Game;

public enum Allowance
{
    Free,

    /// <summary>The free games are used; this game costs one game credit.</summary>
    Credit,

    /// <summary>The free games are used; Premium plays without limit.</summary>
    Premium,
    QuotaExhausted,
}

/// <summary>
/// The one policy point that decides whether a player may start a game: 5 free games per Berlin
/// day, then Premium (unlimited) or one game credit per game. Runs inside the caller's
/// transaction after the player's row is locked, so two parallel starts cannot both take the last
/// game or credit; consuming is idempotent per game session (ledger key).
/// </summary>
public sealed class PlayAllowance
{
    public const int FreeGamesPerDay = 5;

    public async Task<Allowance> CheckAsync(QuizDbContext db, long playerId, GameMode mode, DateTimeOffset now, CancellationToken ct)
    {
        if (!GameRules.CostsAGame(mode)) return Allowance.Free;
        var (_, start, end) = BerlinDay.Containing(now);
        var played = await db.GameSessions.CountAsync(
            s => s.PlayerId == playerId && s.StartedAt >= start && s.StartedAt < end
                && (s.Mode == GameMode.Quick || s.Mode == GameMode.Category || s.Mode == GameMode.Survival), ct);
        if (played < FreeGamesPerDay) return Allowance.Free;
        if (await Wallet.HasPremiumAsync(db, playerId, now, ct)) return Allowance.Premium;
        return await Wallet.UsesAsync(db, playerId, AssetKind.GameCredit, ct) > 0 ? Allowance.Credit : Allowance.QuotaExhausted;
    }

    /// <summary>Takes the game credit for a session started under <see cref="Allowance.Credit"/>.</summary>
    public async Task ChargeAsync(QuizDbContext db, long playerId, Allowance allowance, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        if (allowance != Allowance.Credit) return;
        if (!await Wallet.TryConsumeAsync(db, playerId, AssetKind.GameCredit, $"game:{sessionId:N}", sessionId, now, ct))
        {
            throw new InvalidOperationException($"Player {playerId} had no game credit left for session {sessionId} although the check allowed it.");
        }
    }

    /// <summary>
    /// The Extra-Leben of Überleben: may this run continue after its first mistake? Uses one
    /// Extra-Leben, at most once per run (the session flag and the ledger key per session).
    /// </summary>
    public Task<bool> TryUseExtraLifeAsync(QuizDbContext db, GameSession session, DateTimeOffset now, CancellationToken ct) =>
        Wallet.TryConsumeAsync(db, session.PlayerId, AssetKind.ExtraLife, $"extra-life:{session.Id:N}", session.Id, now, ct);
}
