namespace Quiz.Core.Economy;

/// <summary>
/// What a player holds of one asset: <see cref="Uses"/> for countable assets, <see cref="ValidUntil"/>
/// for Premium. Changed only together with a <see cref="LedgerEntry"/> in one transaction under
/// this row's lock, so the ledger always explains the holding.
/// </summary>
public sealed class Entitlement
{
    public long PlayerId { get; set; }
    public AssetKind Kind { get; set; }
    public int Uses { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum LedgerReason
{
    Purchase,
    Consumption,
    Refund,
    Reward,
    Adjustment,

    /// <summary>A use given back because what it paid for did not happen (a cancelled tournament's entry ticket).</summary>
    Returned,
}

/// <summary>
/// Append-only ledger of every change to an entitlement (uses, or days for Premium). The unique
/// idempotency key makes each grant, consumption and revocation happen at most once.
/// </summary>
public sealed class LedgerEntry
{
    public const string UniqueKey = "ux_ledger_entries_idempotency_key";

    public long Id { get; set; }
    public long PlayerId { get; set; }
    public AssetKind Kind { get; set; }
    public int Delta { get; set; }
    public LedgerReason Reason { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public Guid? PurchaseId { get; set; }
    public Guid? SessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
