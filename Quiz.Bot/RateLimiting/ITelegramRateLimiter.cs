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
    /// Takes a send slot if one is free within <paramref name="maxWait"/> and the chat's own bucket has a token within
    /// <paramref name="maxChatWait"/>; false, with nothing taken, when either wait would be longer (a direct reply
    /// that goes to the outbox instead of holding its update while its chat's budget refills).
    /// </summary>
    async ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, TimeSpan maxChatWait, CancellationToken ct)
    {
        await AcquireAsync(chatId, lane, ct);
        return true;
    }

    /// <summary>
    /// A paid broadcast slot (<c>allow_paid_broadcast</c>): waits for the chat's own bucket and the paid rate, not the free
    /// overall budget, and counts the message against today's Stars cap. False, with nothing taken, when paid
    /// broadcasting is off, today's cap is spent or the shared budget is unreachable: the message takes the free lane.
    /// </summary>
    ValueTask<bool> TryAcquirePaidAsync(long chatId, CancellationToken ct) => ValueTask.FromResult(false);

    /// <summary>The same with one bound for both waits.</summary>
    ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, CancellationToken ct) =>
        TryAcquireAsync(chatId, lane, maxWait, maxWait, ct);
}
