using Quiz.Core.Data;
using Quiz.Core.Economy;

namespace Quiz.Core.Game.Stats;

/// <summary>What a player owns, shown on <c>/profil</c>: read from the player's entitlements.</summary>
public sealed class PlayerHoldingsReader(TimeProvider time)
{
    public async Task<PlayerHoldings?> GetAsync(QuizDbContext db, long playerId, CancellationToken ct)
    {
        var h = await Wallet.HoldingsAsync(db, playerId, time.GetUtcNow(), ct);
        return new PlayerHoldings(h.Games, h.ExtraLives, h.Jokers, h.TournamentTickets, h.PremiumUntil);
    }
}
