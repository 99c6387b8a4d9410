namespace Quiz.Core.Features;

/// <summary>
/// This replica's copy of the switches, in memory: the per-update check reads <see cref="Current"/> and nothing else.
/// <see cref="FeatureRefresher"/> replaces it when a change is signalled and every few seconds as a fallback.
/// </summary>
public sealed class FeatureSnapshot(FeatureSwitches switches)
{
    private volatile FeatureSet current = FeatureSet.Default;

    public FeatureSet Current => current;

    /// <summary>Reads the switches from the database and makes them current; returns them.</summary>
    public async Task<FeatureSet> RefreshAsync(CancellationToken ct = default)
    {
        var read = await switches.ReadAsync(ct);
        current = read;
        return read;
    }
}
