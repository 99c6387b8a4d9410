namespace Quiz.Core.Tournaments;

/// <summary>
/// The rules a tournament's own reward tiers obey, in German for the operator: each tier names fixed places or a top
/// share (1–100 %), no two tiers cover the same place or share, and each grants something, in bounded amounts.
/// </summary>
public static class RewardTierRules
{
    public const int MaxTiers = 10;
    public const int MaxRank = 100_000;
    public const int MaxAmount = 100;

    public const string NoTiers = "Mindestens eine Gewinnstufe ist nötig.";
    public static readonly string TooMany = $"Höchstens {MaxTiers} Gewinnstufen.";

    public static List<string> Problems(IReadOnlyList<RewardTier> tiers)
    {
        var problems = new List<string>();
        if (tiers.Count == 0) problems.Add(NoTiers);
        if (tiers.Count > MaxTiers) problems.Add(TooMany);
        for (var i = 0; i < tiers.Count; i++) problems.AddRange(ProblemsOf(tiers[i], $"Stufe {i + 1}"));
        for (var i = 0; i < tiers.Count; i++)
        {
            for (var j = i + 1; j < tiers.Count; j++)
            {
                if (Overlap(tiers[i], tiers[j]) is { } what) problems.Add($"Stufe {i + 1} und Stufe {j + 1} überschneiden sich ({what}).");
            }
        }
        return problems;
    }

    private static IEnumerable<string> ProblemsOf(RewardTier tier, string label)
    {
        if (tier.TopPercent is { } percent)
        {
            if (tier.FromRank is not null || tier.ToRank is not null) yield return $"{label}: entweder Plätze oder einen Anteil angeben, nicht beides.";
            if (percent is < 1 or > 100) yield return $"{label}: Der Anteil muss zwischen 1 und 100 % liegen.";
        }
        else if (tier.FromRank is not { } from || tier.ToRank is not { } to)
        {
            yield return $"{label}: Plätze (von–bis) oder einen Anteil angeben.";
        }
        else if (from < 1 || to < from || to > MaxRank)
        {
            yield return $"{label}: Die Plätze gehen von 1 bis 100.000, und „bis“ liegt nicht vor „von“.";
        }
        int[] amounts = tier.Contents is { } c ? [c.TournamentTickets, c.Jokers, c.ExtraLives, c.Games] : [];
        if (amounts.Any(a => a is < 0 or > MaxAmount)) yield return $"{label}: Jede Menge liegt zwischen 0 und {MaxAmount}.";
        else if (!amounts.Any(a => a > 0)) yield return $"{label}: Der Gewinn ist leer – mindestens ein Turnier-Ticket, Joker, Extra-Leben oder Spiel.";
    }

    /// <summary>What two tiers both cover (a place, or the same share), or null.</summary>
    private static string? Overlap(RewardTier a, RewardTier b)
    {
        if (a is { TopPercent: { } pa } && b is { TopPercent: { } pb }) return pa == pb ? $"beide Top {pa} %" : null;
        if (a is { FromRank: { } af, ToRank: { } at, TopPercent: null } && b is { FromRank: { } bf, ToRank: { } bt, TopPercent: null })
        {
            var first = Math.Max(af, bf);
            return first <= Math.Min(at, bt) ? $"Platz {first}" : null;
        }
        return null;
    }
}
