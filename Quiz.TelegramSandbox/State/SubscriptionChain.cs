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

    /// <summary>editUserStarSubscription(is_canceled=true); false clears it, which only lets the user re-enable.</summary>
    public bool CanceledByBot { get; private set; }

    /// <summary>The user stopped it in Telegram's UI; the bot is not told.</summary>
    public bool CanceledByUser { get; private set; }

    /// <summary>Telegram charges the next period only while this holds.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>editUserStarSubscription(is_canceled=true): renewal stops; idempotent.</summary>
    public void CancelByBot()
    {
        CanceledByBot = true;
        Active = false;
    }

    /// <summary>editUserStarSubscription(is_canceled=false): the user may re-enable; renewal stays off until they do.</summary>
    public void AllowReenable() => CanceledByBot = false;

    public void CancelByUser()
    {
        CanceledByUser = true;
        Active = false;
    }

    /// <summary>The user turns renewal back on in Telegram; refused (false, nothing changes) while the bot's cancel holds.</summary>
    public bool TryReenableByUser()
    {
        if (CanceledByBot)
        {
            return false;
        }

        CanceledByUser = false;
        Active = true;
        return true;
    }

    public SubscriptionSnapshot Snapshot() => new(
        FirstChargeId, LastChargeId, UserId, Terms, Period, ExpiresAt, CanceledByBot, CanceledByUser, Renewals, Active);
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
    int Renewals,
    bool Active);

/// <summary>A renewal charged: the new payment and the chain after it.</summary>
public sealed record SubscriptionRenewal(PaymentRecord Payment, SubscriptionSnapshot Chain);
