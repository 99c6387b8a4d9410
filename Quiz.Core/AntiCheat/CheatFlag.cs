namespace Quiz.Core.AntiCheat;

/// <summary>What a flag says the player may have done.</summary>
public enum FlagKind
{
    /// <summary>Answers faster than a person can read the question and its options, repeatedly.</summary>
    FastAnswers,

    /// <summary>Near-perfect accuracy at near-constant answer times over many answers.</summary>
    SteadyPerfect,

    /// <summary>The same answers at nearly the same moments as another account in a shared set.</summary>
    Lockstep,

    /// <summary>Fresh accounts feeding one player's duel chain.</summary>
    FreshCluster,

    /// <summary>Refunds asked for after the bought goods were used, repeatedly.</summary>
    RefundAbuse,

    /// <summary>Raised by a moderator on the player page.</summary>
    Manual,
}

public enum FlagStatus
{
    Open,

    /// <summary>Reviewed: a false positive.</summary>
    Dismissed,

    /// <summary>Reviewed: it was cheating (the ban or hold is the operator's separate decision).</summary>
    Confirmed,
}

/// <summary>
/// A suspicion with its evidence for an operator to review; never a punishment by itself. One flag per
/// (player, kind, subject): the same signal on the same subject raised again updates score and evidence
/// while the flag is open.
/// </summary>
public sealed class CheatFlag
{
    public const string UniqueSignal = "ux_cheat_flags_player_kind_subject";
    public const int MaxSubjectLength = 100;
    public const int MaxNoteLength = 500;
    public const int MaxEvidenceLength = 16_000;

    public long Id { get; set; }
    public long PlayerId { get; set; }
    public FlagKind Kind { get; set; }

    /// <summary>What the signal is about, e.g. <c>game:&lt;session&gt;</c>, <c>set:&lt;set&gt;:partner:&lt;player&gt;</c>, <c>day:2026-12-06</c>.</summary>
    public string Subject { get; set; } = "";

    /// <summary>0–100: how sure the detector is; the open queue is sorted by it.</summary>
    public int Score { get; set; }

    /// <summary>JSON (jsonb column) an operator reads: the numbers behind the flag.</summary>
    public string Evidence { get; set; } = "{}";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public FlagStatus Status { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
}
