using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Quiz.Bot.Telegram;

namespace Quiz.Bot.RateLimiting;

/// <summary>The same buckets in process memory: the fallback while Redis is down.</summary>
public sealed class LocalTelegramRateLimiter : ITelegramRateLimiter, IDisposable
{
    private readonly TokenBucketRateLimiter global;
    private readonly PartitionedRateLimiter<long> perChat;

    public LocalTelegramRateLimiter(IOptions<TelegramOptions> options)
    {
        var o = options.Value;
        global = new TokenBucketRateLimiter(Bucket(o.GlobalMessagesPerSecond, (int)RedisTelegramRateLimiter.GlobalBurst(o)));
        perChat = PartitionedRateLimiter.Create<long, long>(chat => RateLimitPartition.GetTokenBucketLimiter(
            chat, _ => Bucket(chat < 0 ? o.GroupMessagesPerMinute / 60 : o.ChatMessagesPerSecond, 1)));
    }

    public async ValueTask AcquireAsync(long chatId, CancellationToken ct)
    {
        using var chatLease = await perChat.AcquireAsync(chatId, 1, ct);
        using var globalLease = await global.AcquireAsync(1, ct);
    }

    public async ValueTask<bool> TryAcquireAsync(long chatId, TimeSpan maxWait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(maxWait);
        try
        {
            await AcquireAsync(chatId, timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        global.Dispose();
        perChat.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(double perSecond, int burst)
    {
        // Refill one token per period: for 0.3/s that is one every 3.3 s.
        var period = TimeSpan.FromSeconds(1 / perSecond);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }
}
