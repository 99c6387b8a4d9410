using Quiz.Core.Economy;

namespace Quiz.Core.Tournaments;

/// <summary>One reward tier: what a place earns (entitlements only — rewards never pay out Stars or money).</summary>
public sealed record RewardTier(string Name, IReadOnlyList<(AssetKind Kind, int Amount)> Items);

/// <summary>
/// The reward tiers (PRODUCT.md §5): Platz 1, Platz 2–3, then the rest of the top 10 % of the
/// ranked players. A player gets the best tier they reach, nothing below it.
/// </summary>
public static class TournamentRewards
{
    public static readonly RewardTier Winner = new("Platz 1", [(AssetKind.TournamentTicket, 2), (AssetKind.Joker, 5)]);
    public static readonly RewardTier Podium = new("Platz 2–3", [(AssetKind.TournamentTicket, 1), (AssetKind.Joker, 3)]);
    public static readonly RewardTier TopTenPercent = new("Top 10 %", [(AssetKind.Joker, 2)]);

    public static IReadOnlyList<RewardTier> All { get; } = [Winner, Podium, TopTenPercent];

    /// <summary>The tier written into a result snapshot under <paramref name="name"/>.</summary>
    public static RewardTier Named(string name) => All.Single(t => t.Name == name);

    /// <summary>The tier of <paramref name="rank"/> (1-based) among <paramref name="ranked"/> players, or null.</summary>
    public static RewardTier? For(int rank, int ranked)
    {
        if (rank < 1 || rank > ranked) return null;
        if (rank == 1) return Winner;
        if (rank <= 3) return Podium;
        return rank <= TopTenPercentCut(ranked) ? TopTenPercent : null;
    }

    /// <summary>The last rank inside the top 10 % (at least 1).</summary>
    public static int TopTenPercentCut(int ranked) => Math.Max(1, (int)Math.Ceiling(ranked / 10.0));
}
