namespace Quiz.Core.AntiCheat;

/// <summary>How far the batch detectors have read (one row): each run reads only what came after it.</summary>
public sealed class AntiCheatCursor
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The last answer event read.</summary>
    public long LastAnswerId { get; set; }

    /// <summary>Refund requests up to here were looked at.</summary>
    public DateTimeOffset? RefundsCheckedUntil { get; set; }

    /// <summary>Duels completed up to here were looked at.</summary>
    public DateTimeOffset? DuelsCheckedUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
