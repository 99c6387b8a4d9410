using Quiz.Bot.RateLimiting;

namespace Quiz.Bot.Tests;

/// <summary>A send budget that is always free.</summary>
internal sealed class NoLimit : ITelegramRateLimiter
{
    public ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => ValueTask.CompletedTask;
}
