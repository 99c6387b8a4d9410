namespace Quiz.Core.Economy;

/// <summary>What a player can own. Premium is time (days), the others are uses.</summary>
public enum AssetKind
{
    GameCredit,
    ExtraLife,
    Joker,
    TournamentTicket,
    Premium,
}

/// <summary>
/// The contents of a package or invoice: how much of each asset it grants. Stored as one complex property
/// (columns <c>games</c> … <c>premium_days</c> of <c>packages</c> and <c>invoices</c>).
/// </summary>
public sealed record Contents(int Games, int ExtraLives, int Jokers, int TournamentTickets, int PremiumDays)
{
    public static readonly Contents None = new(0, 0, 0, 0, 0);

    public IEnumerable<(AssetKind Kind, int Amount)> Items()
    {
        if (Games > 0) yield return (AssetKind.GameCredit, Games);
        if (ExtraLives > 0) yield return (AssetKind.ExtraLife, ExtraLives);
        if (Jokers > 0) yield return (AssetKind.Joker, Jokers);
        if (TournamentTickets > 0) yield return (AssetKind.TournamentTicket, TournamentTickets);
        if (PremiumDays > 0) yield return (AssetKind.Premium, PremiumDays);
    }
}

/// <summary>An operator-managed offer in the shop, paid with Telegram Stars (XTR).</summary>
public sealed class Package
{
    public const string Currency = "XTR";

    /// <summary>Telegram's Stars subscription period: 30 days.</summary>
    public const int SubscriptionPeriodSeconds = 2_592_000;

    /// <summary>Stable slug such as <c>spiele-10</c>.</summary>
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int PriceStars { get; set; }
    public Contents Contents { get; set; } = Contents.None;

    /// <summary>Sold as a 30-day Stars subscription that renews until the player cancels.</summary>
    public bool IsSubscription { get; set; }
    public bool IsActive { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
