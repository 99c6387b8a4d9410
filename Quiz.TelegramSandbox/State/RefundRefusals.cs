namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Refunds Telegram refuses, set by tests through the control API: refundStarPayment of such a charge answers
/// 400 with the given description (e.g. a charge too old to refund) until the refusal is lifted.
/// </summary>
public sealed class RefundRefusals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _refusals = [];

    public void Refuse(string chargeId, string description)
    {
        lock (_gate)
        {
            _refusals[chargeId] = description;
        }
    }

    /// <summary>False when the charge was not refused.</summary>
    public bool Lift(string chargeId)
    {
        lock (_gate)
        {
            return _refusals.Remove(chargeId);
        }
    }

    public string? Find(string chargeId)
    {
        lock (_gate)
        {
            return _refusals.GetValueOrDefault(chargeId);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _refusals.Clear();
        }
    }
}
