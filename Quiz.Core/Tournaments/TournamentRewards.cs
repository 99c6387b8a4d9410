using System.Text.Json.Serialization;
using Quiz.Core.Economy;

namespace Quiz.Core.Tournaments;

/// <summary>What a reward tier grants: entitlements only — rewards never pay out Stars, money or Premium (PRODUCT.md §5).</summary>
public sealed record RewardContents(int TournamentTickets = 0, int Jokers = 0, int ExtraLives = 0, int Games = 0)
{
    /// <summary>The asset amounts above zero, as players read them (tickets first); payment locks in the wallet's own order.</summary>
    public IEnumerable<(AssetKind Kind, int Amount)> Items()
    {
        if (TournamentTickets > 0) yield return (AssetKind.TournamentTicket, TournamentTickets);
        if (Jokers > 0) yield return (AssetKind.Joker, Jokers);
        if (ExtraLives > 0) yield return (AssetKind.ExtraLife, ExtraLives);
        if (Games > 0) yield return (AssetKind.GameCredit, Games);
    }
}

/// <summary>
/// One reward tier: either the fixed places <see cref="FromRank"/>–<see cref="ToRank"/>, or the best
/// <see cref="TopPercent"/> % of the ranked players (at least the winner) — and what such a place earns. Its
/// <see cref="Name"/> ("Platz 1", "Platz 2–3", "Top 10 %") is written into the result snapshot and follows from
/// the places, so two valid tiers of one tournament never share a name.
/// </summary>
public sealed record RewardTier(int? FromRank, int? ToRank, int? TopPercent, RewardContents Contents)
{
    public static RewardTier Places(int from, int to, RewardContents contents) => new(from, to, null, contents);

    public static RewardTier Top(int percent, RewardContents contents) => new(null, null, percent, contents);

    [JsonIgnore]
    public string Name => TopPercent is { } percent ? $"Top {percent} %"
        : FromRank == ToRank ? $"Platz {FromRank}" : $"Platz {FromRank}–{ToRank}";

    [JsonIgnore]
    public IReadOnlyList<(AssetKind Kind, int Amount)> Items => [.. Contents.Items()];

    /// <summary>The last rank this tier reaches among <paramref name="ranked"/> players.</summary>
    public int LastRank(int ranked) => TopPercent is { } percent
        ? Math.Max(1, (int)Math.Ceiling(ranked * (percent / 100.0)))
        : ToRank ?? 0;

    public bool Reaches(int rank, int ranked) => TopPercent is null ? rank >= FromRank && rank <= ToRank : rank <= LastRank(ranked);
}

/// <summary>
/// The reward tiers: a tournament's own (set by the operator, <see cref="RewardTierRules"/>), else the defaults of
/// PRODUCT.md §5 — Platz 1, Platz 2–3, then the rest of the top 10 % of the ranked players. A player gets the best
/// tier they reach (fixed places first, then the smallest share), nothing below it.
/// </summary>
public static class TournamentRewards
{
    public static readonly RewardTier Winner = RewardTier.Places(1, 1, new RewardContents(TournamentTickets: 2, Jokers: 5));
    public static readonly RewardTier Podium = RewardTier.Places(2, 3, new RewardContents(TournamentTickets: 1, Jokers: 3));
    public static readonly RewardTier TopTenPercent = RewardTier.Top(10, new RewardContents(Jokers: 2));

    /// <summary>The default tiers, for a tournament without its own.</summary>
    public static IReadOnlyList<RewardTier> All { get; } = [Winner, Podium, TopTenPercent];

    /// <summary>A tournament's tiers: its own, or the defaults when it has none.</summary>
    public static IReadOnlyList<RewardTier> Of(IReadOnlyList<RewardTier>? own) => own is { Count: > 0 } ? own : All;

    /// <summary>The default tier written into a result snapshot under <paramref name="name"/>.</summary>
    public static RewardTier Named(string name) => All.Single(t => t.Name == name);

    /// <summary>The default tier of <paramref name="rank"/> (1-based) among <paramref name="ranked"/> players, or null.</summary>
    public static RewardTier? For(int rank, int ranked) => For(rank, ranked, All);

    /// <summary>The tier of <paramref name="rank"/> among <paramref name="ranked"/> players under <paramref name="tiers"/>, or null.</summary>
    public static RewardTier? For(int rank, int ranked, IReadOnlyList<RewardTier> tiers)
    {
        if (rank < 1 || rank > ranked) return null;
        return tiers.Where(t => t.TopPercent is null).FirstOrDefault(t => t.Reaches(rank, ranked))
            ?? tiers.Where(t => t.TopPercent is not null).OrderBy(t => t.TopPercent).FirstOrDefault(t => t.Reaches(rank, ranked));
    }

    /// <summary>The last rank any tier reaches among <paramref name="ranked"/> players (no rank after it earns anything).</summary>
    public static int LastRewardedRank(int ranked, IReadOnlyList<RewardTier> tiers) =>
        Math.Min(ranked, tiers.Select(t => t.LastRank(ranked)).DefaultIfEmpty(0).Max());
}
