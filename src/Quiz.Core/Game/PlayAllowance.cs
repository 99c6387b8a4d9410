using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Game;

public enum Allowance
{
    Free,
    QuotaExhausted,
}

/// <summary>
/// The one policy point that decides whether a player may start a game: 5 free games per Berlin
/// day. The economy issue extends it with credits and Premium. Runs inside the caller's
/// transaction after the player's row is locked, so two parallel starts cannot both take the last game.
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
        return played < FreeGamesPerDay ? Allowance.Free : Allowance.QuotaExhausted;
    }

    /// <summary>
    /// The Extra-Leben policy point of Überleben: may this run continue after its first mistake?
    /// The economy issue consumes an Extra-Leben entitlement here (idempotent per session); until
    /// entitlements exist no player holds one, so every run ends at its first mistake.
    /// </summary>
    public Task<bool> TryUseExtraLifeAsync(QuizDbContext db, GameSession session, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(false);
}
