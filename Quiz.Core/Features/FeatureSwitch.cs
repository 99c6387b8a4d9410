namespace Quiz.Core.Features;

/// <summary>
/// One switch's position (<c>feature_switches</c>): a row per <see cref="Feature"/>, seeded by the migration, changed only
/// through <see cref="FeatureSwitches.ChangeAsync"/>, which audits every change.
/// </summary>
public sealed class FeatureSwitch
{
    /// <summary><see cref="FeatureKeys.Key"/>; the table's check constraint admits no other.</summary>
    public string Key { get; set; } = "";
    public bool IsOn { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The console user or <c>admin-api</c>; <c>system</c> for the seeded position.</summary>
    public string ChangedBy { get; set; } = "";
}
