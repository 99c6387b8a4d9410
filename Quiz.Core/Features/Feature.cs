using Quiz.Core.Game;

namespace Quiz.Core.Features;

/// <summary>
/// The switches an operator may flip at run time (issue #15 item 6). <see cref="Maintenance"/> is on while the game is
/// closed for maintenance; every other switch is on while its feature is open to players.
/// </summary>
public enum Feature
{
    Maintenance,
    Quick,
    Category,
    Survival,
    Daily,
    Duels,
    Tournaments,
    Shop,
}

/// <summary>The stable names of the switches (the table's keys, the admin API's JSON) and which switch guards which game mode.</summary>
public static class FeatureKeys
{
    public static readonly IReadOnlyList<Feature> All = Enum.GetValues<Feature>();

    /// <summary><c>maintenance</c>, <c>quick</c>, … <c>shop</c>.</summary>
    public static string Key(Feature feature) => feature.ToString().ToLowerInvariant();

    public static bool TryParse(string? key, out Feature feature)
    {
        foreach (var candidate in All)
        {
            if (!string.Equals(Key(candidate), key, StringComparison.Ordinal)) continue;
            feature = candidate;
            return true;
        }
        feature = default;
        return false;
    }

    /// <summary>A tournament game belongs to the tournaments switch, a duel to the duels switch.</summary>
    public static Feature Of(GameMode mode) => mode switch
    {
        GameMode.Quick => Feature.Quick,
        GameMode.Category => Feature.Category,
        GameMode.Survival => Feature.Survival,
        GameMode.Daily => Feature.Daily,
        GameMode.Duel => Feature.Duels,
        GameMode.Tournament => Feature.Tournaments,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The position before a switch is ever changed: everything open, no maintenance.</summary>
    public static bool DefaultOn(Feature feature) => feature != Feature.Maintenance;
}
