using Quiz.Core.Data;

namespace Quiz.Core.Game.Stats;

/// <summary>
/// The slot for what a player owns, shown on <c>/profil</c>. The economy issue fills it from the
/// player's entitlements (Spiele, Extra-Leben, Joker, Turnier-Tickets, Premium bis …). Until
/// entitlements exist it answers null — "unknown", not invented zeros — and the profile shows no
/// holdings section.
/// </summary>
public sealed class PlayerHoldingsReader
{
    public Task<PlayerHoldings?> GetAsync(QuizDbContext db, long playerId, CancellationToken ct) =>
        Task.FromResult<PlayerHoldings?>(null);
}
