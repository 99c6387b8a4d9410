namespace Quiz.Bot.RateLimiting;

/// <summary>
/// The order in which waiting messages get the shared send budget (ADR 0011). Every chat carries its
/// recent share: each message counts 1 when it first asks for the budget and 1 more when it is sent, and every
/// count halves every <see cref="HalfLifeMs"/>; a waiting message does not count itself. So a chat that was just
/// sent a message, and a chat with several messages waiting at once, both weigh more than a chat sent nothing lately.
/// A message may take a token of the global bucket only when the bucket holds at least its
/// <see cref="Need"/>: 1 for a reply to a chat that has been sent nothing lately, up to the bucket's burst for
/// a background message to a chat that was just sent one. While the budget is contended the bucket never
/// fills past the lowest need among the waiting messages, so the quietest chat's reply goes next and a
/// flooded chat waits behind all others; when nobody else waits the bucket fills and everyone is served.
/// The Redis script in <see cref="RedisTelegramRateLimiter"/> computes the same numbers.
/// </summary>
public static class FairShare
{
    /// <summary>How fast a chat's recent share fades: after one second a message counts half.</summary>
    public const double HalfLifeMs = 1000;

    /// <summary>The recent share <paramref name="elapsedMs"/> after it was <paramref name="share"/>.</summary>
    public static double Decay(double share, double elapsedMs) => share * Math.Pow(0.5, Math.Max(0, elapsedMs) / HalfLifeMs);

    /// <summary>
    /// The share that decides a message's turn: the chat's share when the message first asks (and then counts 1
    /// more), or on a later attempt the share without the message's own part, which has faded for as long as it waited.
    /// </summary>
    public static double Others(double share, TimeSpan? waited) =>
        waited is { } w ? Math.Max(0, share - Decay(1, w.TotalMilliseconds)) : share;

    /// <summary>
    /// The tokens the global bucket (of <paramref name="burst"/> tokens) must hold before this message may
    /// take one: replies between 1 and the middle of the headroom, background messages above it, bulk burst − 1, none more.
    /// </summary>
    public static double Need(double burst, SendLane lane, double share)
    {
        // A message asked and sent just now (2) is the full weight.
        var heavy = Math.Min(1, share / 2) / 2;
        var priority = lane switch
        {
            SendLane.Reply => heavy,
            SendLane.Background => 0.5 + heavy,
            // Bulk takes only from a bucket at burst − 1: the tokens below stay for replies and payment notices.
            _ => 1,
        };
        // The last token of the burst is slack: a waiter that wakes a little late (a busy replica) still finds its need
        // before the bucket is full and its refill would go to waste.
        return 1 + (Math.Max(0, burst - 2) * priority);
    }
}
