namespace Quiz.Core.Audit;

/// <summary>
/// Who wrote an audit entry (or last changed a feature switch) when it was not an operator: stable identifiers the
/// services write and the console shows in German. An operator's entries carry their name.
/// </summary>
public static class AuditActors
{
    /// <summary>The player's own request, e.g. deleting the account.</summary>
    public const string Player = "player";

    /// <summary>Telegram confirmed or refused a refund.</summary>
    public const string Telegram = "telegram";

    /// <summary>The fair-play detectors raised or updated a flag.</summary>
    public const string Detector = "anticheat";

    /// <summary>The worker on its own: scheduled reconciliation, planned series, ranking corrections before rewards.</summary>
    public const string Worker = "worker";

    /// <summary>The position the migration seeded (feature switches never changed).</summary>
    public const string Seed = "system";
}
