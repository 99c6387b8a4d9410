using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.State;

public sealed record PaymentRecord(string ChargeId, string ProviderChargeId, long UserId, InvoiceTerms Terms, long Date, bool Refunded);

/// <summary>The bot's verdict; <paramref name="AnsweredAt"/> is the TimeProvider timestamp of the answer.</summary>
public sealed record PreCheckoutAnswer(bool Ok, string? ErrorMessage, long AnsweredAt = 0);

/// <summary>Invoice links, open pre-checkout queries, payments, subscription chains and the bot's Star transactions.</summary>
public sealed class PaymentLedger(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InvoiceTerms> _links = [];
    private readonly Dictionary<string, TaskCompletionSource<PreCheckoutAnswer>> _preCheckouts = [];
    private readonly Dictionary<string, PaymentRecord> _payments = [];
    private readonly List<StarTransaction> _transactions = [];

    /// <summary>Every charge id of a chain (first payment and renewals) maps to the same chain.</summary>
    private readonly Dictionary<string, SubscriptionChain> _chains = [];
    private readonly List<SubscriptionChain> _chainsInOrder = [];

    public string AddLink(InvoiceTerms terms)
    {
        lock (_gate)
        {
            var slug = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..20];
            _links[slug] = terms;
            return slug;
        }
    }

    /// <summary>Accepts the slug or the whole link (https://t.me/$slug).</summary>
    public InvoiceTerms? FindLink(string slugOrLink)
    {
        var slug = slugOrLink[(slugOrLink.LastIndexOf('$') + 1)..];
        lock (_gate)
        {
            return _links.GetValueOrDefault(slug);
        }
    }

    public (string Id, Task<PreCheckoutAnswer> Answer) OpenPreCheckout()
    {
        lock (_gate)
        {
            var id = Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var answer = new TaskCompletionSource<PreCheckoutAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _preCheckouts[id] = answer;
            return (id, answer.Task);
        }
    }

    /// <summary>False when the query is unknown, already answered or expired (then it was closed).</summary>
    public bool TryAnswerPreCheckout(string id, PreCheckoutAnswer answer)
    {
        lock (_gate)
        {
            return _preCheckouts.Remove(id, out var pending) && pending.TrySetResult(answer with { AnsweredAt = time.GetTimestamp() });
        }
    }

    public void ClosePreCheckout(string id)
    {
        lock (_gate)
        {
            _preCheckouts.Remove(id);
        }
    }

    /// <summary>Records a paid invoice; the first payment of a subscription link also starts its chain.</summary>
    public PaymentRecord RecordPayment(long userId, InvoiceTerms terms, long date, User payer)
    {
        lock (_gate)
        {
            var payment = AddPayment(userId, terms, date, payer);
            if (terms.SubscriptionPeriod is { } period)
            {
                var chain = new SubscriptionChain(payment.ChargeId, userId, terms, period, date + period);
                _chains[payment.ChargeId] = chain;
                _chainsInOrder.Add(chain);
            }

            return payment;
        }
    }

    public PaymentRecord? FindPayment(string chargeId)
    {
        lock (_gate)
        {
            return _payments.GetValueOrDefault(chargeId);
        }
    }

    /// <summary>Marks the payment refunded exactly once; false when it already was.</summary>
    public bool TryRefund(string chargeId, long date, User payee)
    {
        lock (_gate)
        {
            if (!_payments.TryGetValue(chargeId, out var payment) || payment.Refunded)
            {
                return false;
            }

            _payments[chargeId] = payment with { Refunded = true };
            // Telegram: a refund transaction carries the id of the original transaction.
            _transactions.Add(new StarTransaction(chargeId, payment.Terms.Amount, date,
                Receiver: new TransactionPartnerUser("user", "invoice_payment", payee, payment.Terms.Payload)));
            return true;
        }
    }

    /// <summary>
    /// Many paid invoices of one user at once, as a long history (charge ids <paramref name="chargePrefix"/> + a
    /// zero-padded number); returns the position of the first in the transaction list and the list's length after.
    /// </summary>
    public (int First, int Total) SeedPayments(long userId, User payer, InvoiceTerms terms, int count, string chargePrefix, long date)
    {
        lock (_gate)
        {
            var first = _transactions.Count;
            for (var i = 0; i < count; i++)
            {
                var charge = chargePrefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
                _payments[charge] = new PaymentRecord(charge, "sandbox_" + charge, userId, terms, date, false);
                _transactions.Add(new StarTransaction(charge, terms.Amount, date,
                    Source: new TransactionPartnerUser("user", "invoice_payment", payer, terms.Payload)));
            }

            return (first, _transactions.Count);
        }
    }

    public IReadOnlyList<StarTransaction> Transactions(int offset, int limit)
    {
        lock (_gate)
        {
            return [.. _transactions.Skip(offset).Take(limit)];
        }
    }

    /// <summary>The chain a charge id (first payment or renewal) belongs to; null for one-off payments.</summary>
    public SubscriptionSnapshot? FindSubscription(string chargeId)
    {
        lock (_gate)
        {
            return _chains.GetValueOrDefault(chargeId)?.Snapshot();
        }
    }

    public IReadOnlyList<SubscriptionSnapshot> Subscriptions(long userId)
    {
        lock (_gate)
        {
            return [.. _chainsInOrder.Where(c => c.UserId == userId).Select(c => c.Snapshot())];
        }
    }

    /// <summary>Applies <paramref name="change"/> to the chain under the lock; null when the charge belongs to no chain.</summary>
    public SubscriptionSnapshot? EditSubscription(string chargeId, Action<SubscriptionChain> change)
    {
        lock (_gate)
        {
            if (!_chains.TryGetValue(chargeId, out var chain))
            {
                return null;
            }

            change(chain);
            return chain.Snapshot();
        }
    }

    /// <summary>Charges the next period (new charge id, transaction, expiration + period); null when the chain is not active.</summary>
    public SubscriptionRenewal? TryRenew(string chargeId, long date, User payer)
    {
        lock (_gate)
        {
            var chain = _chains[chargeId];
            if (!chain.Active)
            {
                return null;
            }

            var payment = AddPayment(chain.UserId, chain.Terms, date, payer);
            chain.LastChargeId = payment.ChargeId;
            chain.ExpiresAt += chain.Period;
            chain.Renewals++;
            _chains[payment.ChargeId] = chain;
            return new SubscriptionRenewal(payment, chain.Snapshot());
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _links.Clear();
            foreach (var pending in _preCheckouts.Values)
            {
                pending.TrySetCanceled();
            }

            _preCheckouts.Clear();
            _payments.Clear();
            _transactions.Clear();
            _chains.Clear();
            _chainsInOrder.Clear();
        }
    }

    private PaymentRecord AddPayment(long userId, InvoiceTerms terms, long date, User payer)
    {
        var charge = "stxsandbox" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var payment = new PaymentRecord(charge, "sandbox_" + charge[10..26], userId, terms, date, false);
        _payments[charge] = payment;
        _transactions.Add(new StarTransaction(charge, terms.Amount, date,
            Source: new TransactionPartnerUser("user", "invoice_payment", payer, terms.Payload, terms.SubscriptionPeriod)));
        return payment;
    }
}
