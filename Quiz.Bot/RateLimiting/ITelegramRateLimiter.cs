namespace Quiz.Bot.RateLimiting;

/// <summary>
/// Waits until one more message to a chat fits Telegram's send limits, in its <see cref="SendLane"/> and
/// after the chats that were sent less lately (<see cref="FairShare"/>).
/// </summary>
public interface ITelegramRateLimiter
{
    /// <summary>Waits as long as it takes (the outbox, which has time).</summary>
    ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct);

    /// <summary>
    /// Takes a send slot if one is free within <paramref name="maxWait"/>; false, with nothing
    /// taken, when the wait would be longer (a direct reply that should go to the outbox instead).
    /// </summary>
    async ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, CancellationToken ct)
    {
        await AcquireAsync(chatId, lane, ct);
        return true;
    }
}
