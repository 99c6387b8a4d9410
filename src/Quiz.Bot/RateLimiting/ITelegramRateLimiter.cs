namespace Quiz.Bot.RateLimiting;

/// <summary>Waits until one more message to a chat fits Telegram's send limits.</summary>
public interface ITelegramRateLimiter
{
    ValueTask AcquireAsync(long chatId, CancellationToken ct);
}
