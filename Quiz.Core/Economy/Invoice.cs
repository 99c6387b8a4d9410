namespace Quiz.Core.Economy;

/// <summary>
/// One started purchase: the opaque payload Telegram echoes back, and a snapshot of price and
/// contents at the time the invoice was sent, so later edits of the package change nothing for it.
/// </summary>
public sealed class Invoice
{
    public const int MaxPayloadBytes = 128;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }
    public string Payload { get; set; } = "";
    public long PlayerId { get; set; }
    public string PackageId { get; set; } = "";
    public string Title { get; set; } = "";
    public int PriceStars { get; set; }
    public string Currency { get; set; } = Package.Currency;

    /// <summary>What the invoice grants, copied from the package when it was sent.</summary>
    public Contents Contents { get; set; } = Contents.None;
    public bool IsSubscription { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}
