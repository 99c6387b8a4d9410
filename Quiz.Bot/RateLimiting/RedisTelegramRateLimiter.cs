using Microsoft.Extensions.Options;
using Quiz.Bot.Telegram;
using StackExchange.Redis;

namespace Quiz.Bot.RateLimiting;

/// <summary>
/// Token buckets in Redis shared by every bot replica: one overall, one per chat, taken together
/// atomically by a script that uses the Redis server's clock. When Redis is unreachable the bot
/// falls back to an in-process limiter and says so in the log and the
/// <c>quiz.bot.ratelimit.degraded</c> counter.
/// </summary>
public sealed partial class RedisTelegramRateLimiter(
    IConnectionMultiplexer redis,
    LocalTelegramRateLimiter fallback,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<RedisTelegramRateLimiter> logger) : ITelegramRateLimiter
{
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function level(key, rate, burst)
          local v = redis.call('HMGET', key, 't', 'ts')
          local tokens = tonumber(v[1])
          local ts = tonumber(v[2])
          if tokens == nil then return burst end
          return math.min(burst, tokens + (now - ts) * rate / 1000)
        end
        local gr, gb, cr, cb = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local g = level(KEYS[1], gr, gb)
        local c = level(KEYS[2], cr, cb)
        if g >= 1 and c >= 1 then
          redis.call('HSET', KEYS[1], 't', g - 1, 'ts', now)
          redis.call('PEXPIRE', KEYS[1], 60000)
          redis.call('HSET', KEYS[2], 't', c - 1, 'ts', now)
          redis.call('PEXPIRE', KEYS[2], 600000)
          return 0
        end
        local wait = 0
        if g < 1 then wait = math.ceil((1 - g) * 1000 / gr) end
        if c < 1 then wait = math.max(wait, math.ceil((1 - c) * 1000 / cr)) end
        return wait
        """;

    private static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(10);
    private int degraded;
    private DateTimeOffset skipRedisUntil;

    /// <summary>
    /// A full bucket plus one second of refill must stay under Telegram's ≈30/s: the burst is the
    /// headroom between the configured rate and 30.
    /// </summary>
    public static double GlobalBurst(TelegramOptions o) => Math.Max(1, 30 - o.GlobalMessagesPerSecond);

    public async ValueTask AcquireAsync(long chatId, CancellationToken ct) => await AcquireCoreAsync(chatId, null, ct);

    public ValueTask<bool> TryAcquireAsync(long chatId, TimeSpan maxWait, CancellationToken ct) => AcquireCoreAsync(chatId, maxWait, ct);

    private async ValueTask<bool> AcquireCoreAsync(long chatId, TimeSpan? maxWait, CancellationToken ct)
    {
        var o = options.Value;
        var deadline = maxWait is { } wait ? time.GetUtcNow() + wait : DateTimeOffset.MaxValue;
        var (chatRate, chatBurst) = chatId < 0 ? (o.GroupMessagesPerMinute / 60, 1.0) : (o.ChatMessagesPerSecond, 1.0);
        RedisKey[] keys = ["tg:rl:global", $"tg:rl:chat:{chatId}"];
        RedisValue[] args = [o.GlobalMessagesPerSecond, GlobalBurst(o), chatRate, chatBurst];
        while (true)
        {
            if (time.GetUtcNow() < skipRedisUntil) return await FallbackAsync(chatId, deadline, maxWait, ct);
            long waitMs;
            try
            {
                waitMs = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args);
                if (Interlocked.Exchange(ref degraded, 0) == 1) LogRecovered();
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException or ObjectDisposedException)
            {
                if (Interlocked.Exchange(ref degraded, 1) == 0) LogDegraded(ex.Message);
                metrics.LimiterDegraded();
                // Circuit breaker: do not pay Redis's connect timeout on every send while it is down.
                skipRedisUntil = time.GetUtcNow() + RetryRedisAfter;
                return await FallbackAsync(chatId, deadline, maxWait, ct);
            }
            if (waitMs <= 0) return true;
            if (maxWait is not null && time.GetUtcNow().AddMilliseconds(waitMs) > deadline) return false;
            metrics.LimiterWaited();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(waitMs, 5000)), ct);
        }
    }

    private async ValueTask<bool> FallbackAsync(long chatId, DateTimeOffset deadline, TimeSpan? maxWait, CancellationToken ct)
    {
        if (maxWait is null)
        {
            await fallback.AcquireAsync(chatId, ct);
            return true;
        }
        var left = deadline - time.GetUtcNow();
        return left > TimeSpan.Zero && await fallback.TryAcquireAsync(chatId, left, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Redis unreachable ({Reason}): Telegram send limits now held per process only")]
    private partial void LogDegraded(string reason);

    [LoggerMessage(LogLevel.Information, "Redis reachable again: Telegram send limits shared across replicas")]
    private partial void LogRecovered();
}
