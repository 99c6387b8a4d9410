namespace Quiz.TelegramSandbox.State;

/// <summary>
/// A Stars subscription as Telegram keeps it: the first payment of a subscription link and every renewal.
/// Any charge id of the chain names it. Guarded by the ledger's lock; outside it only snapshots travel.
/// </summary>
public sealed class SubscriptionChain(string firstChargeId, long userId, InvoiceTerms terms, int period, long expiresAt)
{
    public string FirstChargeId { get; } = firstChargeId;

    public long UserId { get; } = userId;

    public InvoiceTerms Terms { get; } = terms;

    public int Period { get; } = period;

    public long ExpiresAt { get; set; } = expiresAt;

    public string LastChargeId { get; set; } = firstChargeId;

    public int Renewals { get; set; }

    /// <summary>editUserStarSubscription(is_canceled=true); false lifts it again.</summary>
    public bool CanceledByBot { get; set; }

    /// <summary>The user stopped it in Telegram's UI; the bot is not told.</summary>
    public bool CanceledByUser { get; set; }

    public SubscriptionSnapshot Snapshot() => new(
        FirstChargeId, LastChargeId, UserId, Terms, Period, ExpiresAt, CanceledByBot, CanceledByUser, Renewals);
}

public sealed record SubscriptionSnapshot(
    string FirstChargeId,
    string LastChargeId,
    long UserId,
    InvoiceTerms Terms,
    int Period,
    long ExpiresAt,
    bool CanceledByBot,
    bool CanceledByUser,
    int Renewals)
{
    public bool Canceled => CanceledByBot || CanceledByUser;
}

/// <summary>A renewal charged: the new payment and the chain after it.</summary>
public sealed record SubscriptionRenewal(PaymentRecord Payment, SubscriptionSnapshot Chain);
