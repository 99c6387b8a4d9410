using Quiz.Core.Game;

namespace Quiz.Core.Features;

/// <summary>
/// Every switch's position at one moment, immutable: the bot's per-update check reads it from memory
/// (<see cref="FeatureSnapshot.Current"/>), never from the database.
/// </summary>
public sealed class FeatureSet
{
    private readonly bool[] on;

    public FeatureSet(IReadOnlyDictionary<Feature, bool> positions)
    {
        on = [.. FeatureKeys.All.Select(f => positions.TryGetValue(f, out var value) ? value : FeatureKeys.DefaultOn(f))];
    }

    /// <summary>Everything open, no maintenance: what a replica assumes until its first read succeeds.</summary>
    public static FeatureSet Default { get; } = new(new Dictionary<Feature, bool>());

    public bool IsOn(Feature feature) => on[(int)feature];

    /// <summary>The bot answers every player with the maintenance notice only; payments in flight still complete.</summary>
    public bool Maintenance => IsOn(Feature.Maintenance);

    /// <summary>Players may use the feature (maintenance aside, which the update routing checks first).</summary>
    public bool Open(Feature feature) => feature == Feature.Maintenance ? !Maintenance : IsOn(feature);

    public bool Open(GameMode mode) => Open(FeatureKeys.Of(mode));

    /// <summary>For the log: <c>maintenance=off quick=on …</c>.</summary>
    public override string ToString() => string.Join(' ', FeatureKeys.All.Select(f => $"{FeatureKeys.Key(f)}={(IsOn(f) ? "on" : "off")}"));

    public bool SameAs(FeatureSet other) => on.AsSpan().SequenceEqual(other.on);
}
