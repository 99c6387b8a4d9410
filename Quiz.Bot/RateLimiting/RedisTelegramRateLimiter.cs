using Microsoft.Extensions.Options;
using Quiz.Bot.Telegram;
using StackExchange.Redis;

namespace Quiz.Bot.RateLimiting;

/// <summary>
/// Token buckets in Redis shared by every bot replica: one overall, one per chat, taken together
/// atomically by a script that uses the Redis server's clock. The script also keeps each chat's recent
/// share (the messages it asked for lately) and lets a message take the overall bucket only when it holds the message's
/// <see cref="FairShare.Need"/>, so replies go before background sends and a quiet chat before a
/// flooded one, across all replicas (ADR 0011). When Redis is unreachable the bot falls back to an
/// in-process limiter with the same order and says so in the log and the
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
    // KEYS: global bucket, chat bucket, bulk bucket. ARGV: global rate/s, global burst, chat rate/s, chat burst, lane (0 reply,
    // 1 background, 2 bulk), half-life ms, how long this message has waited in ms (-1 on its first attempt), bulk rate/s (the
    // bulk lane's share of the global rate, burst 1; only bulk messages touch it). The chat's hash holds its bucket
    // (t at ts) and its recent share (u at us): every message counts 1 when it first asks and 1 more when it is sent.
    // Returns {wait ms, of which the chat's own bucket needs ms}; {0, 0} when the message took its tokens.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local gr, gb, cr, cb = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local lane, half, waited, br = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
        local g = gb
        local gv = redis.call('HMGET', KEYS[1], 't', 'ts')
        if gv[1] then g = math.min(gb, tonumber(gv[1]) + (now - tonumber(gv[2])) * gr / 1000) end
        local c, u = cb, 0
        local cv = redis.call('HMGET', KEYS[2], 't', 'ts', 'u', 'us')
        if cv[1] then c = math.min(cb, tonumber(cv[1]) + math.max(0, now - tonumber(cv[2])) * cr / 1000) end
        if cv[3] then u = tonumber(cv[3]) * math.pow(0.5, math.max(0, now - tonumber(cv[4])) / half) end
        local b = 1
        if lane == 2 then
          local bv = redis.call('HMGET', KEYS[3], 't', 'ts')
          if bv[1] then b = math.min(1, tonumber(bv[1]) + math.max(0, now - tonumber(bv[2])) * br / 1000) end
        end
        local share = u
        if waited < 0 then
          u = u + 1
          redis.call('HSET', KEYS[2], 'u', u, 'us', now)
          redis.call('PEXPIRE', KEYS[2], 600000)
        else
          share = math.max(0, u - math.pow(0.5, waited / half))
        end
        local priority = math.min(1, share / 2) / 2
        if lane == 1 then priority = priority + 0.5 end
        if lane == 2 then priority = 1 end
        local need = 1 + math.max(0, gb - 2) * priority
        if g >= need and c >= 1 and b >= 1 then
          redis.call('HSET', KEYS[1], 't', g - 1, 'ts', now)
          redis.call('PEXPIRE', KEYS[1], 60000)
          redis.call('HSET', KEYS[2], 't', c - 1, 'ts', now, 'u', u + 1, 'us', now)
          redis.call('PEXPIRE', KEYS[2], 600000)
          if lane == 2 then
            redis.call('HSET', KEYS[3], 't', b - 1, 'ts', now)
            redis.call('PEXPIRE', KEYS[3], 60000)
          end
          return {0, 0}
        end
        local wait, cwait = 0, 0
        if g < need then wait = math.ceil((need - g) * 1000 / gr) end
        if b < 1 then wait = math.max(wait, math.ceil((1 - b) * 1000 / br)) end
        if c < 1 then cwait = math.ceil((1 - c) * 1000 / cr) end
        return {math.max(1, wait, cwait), cwait}
        """;

    private static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(10);
    private int degraded;
    private DateTimeOffset skipRedisUntil;

    /// <summary>
    /// A full bucket plus one second of refill must stay under Telegram's ≈30/s: the burst is the
    /// headroom between the configured rate and 30.
    /// </summary>
    public static double GlobalBurst(TelegramOptions o) => Math.Max(1, 30 - o.GlobalMessagesPerSecond);

    /// <summary>The bulk lane's own bucket (burst 1): its share of the overall rate.</summary>
    public static double BulkRate(TelegramOptions o) => o.GlobalMessagesPerSecond * o.BulkSharePercent / 100;

    /// <summary>
    /// A chat's own bucket: rate per second and burst (1/s with a short burst for a private chat, which Telegram
    /// tolerates; 20/min without a burst for a group).
    /// </summary>
    public static (double Rate, double Burst) ChatBucket(TelegramOptions o, long chatId) =>
        chatId < 0 ? (o.GroupMessagesPerMinute / 60, 1.0) : (o.ChatMessagesPerSecond, o.ChatBurst);

    /// <summary>Where the buckets live in Redis; tests and benchmarks that share a Redis give each run its own.</summary>
    public string KeyPrefix { get; init; } = "tg:rl";

    public async ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => await AcquireCoreAsync(chatId, lane, null, null, ct);

    public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, CancellationToken ct) =>
        TryAcquireAsync(chatId, lane, maxWait, maxWait, ct);

    public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, TimeSpan maxChatWait, CancellationToken ct) =>
        AcquireCoreAsync(chatId, lane, maxWait, maxChatWait, ct);

    private async ValueTask<bool> AcquireCoreAsync(long chatId, SendLane lane, TimeSpan? maxWait, TimeSpan? maxChatWait, CancellationToken ct)
    {
        var o = options.Value;
        var deadline = maxWait is { } wait ? time.GetUtcNow() + wait : DateTimeOffset.MaxValue;
        var chatDeadline = maxChatWait is { } chatWait ? time.GetUtcNow() + chatWait : DateTimeOffset.MaxValue;
        var (chatRate, chatBurst) = ChatBucket(o, chatId);
        RedisKey[] keys = [$"{KeyPrefix}:global", $"{KeyPrefix}:chat:{chatId}", $"{KeyPrefix}:bulk"];
        var asked = time.GetUtcNow();
        var first = true;
        while (true)
        {
            if (time.GetUtcNow() < skipRedisUntil) return await FallbackAsync(chatId, lane, deadline, chatDeadline, maxWait, ct);
            long waitMs, chatWaitMs;
            try
            {
                var waited = first ? -1 : Math.Max(0, (time.GetUtcNow() - asked).TotalMilliseconds);
                RedisValue[] args = [o.GlobalMessagesPerSecond, GlobalBurst(o), chatRate, chatBurst, (int)lane, FairShare.HalfLifeMs, waited, BulkRate(o)];
                var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args))!;
                (waitMs, chatWaitMs) = ((long)result[0], (long)result[1]);
                first = false;
                if (Interlocked.Exchange(ref degraded, 0) == 1) LogRecovered();
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException or ObjectDisposedException)
            {
                if (Interlocked.Exchange(ref degraded, 1) == 0) LogDegraded(ex.Message);
                metrics.LimiterDegraded();
                // Circuit breaker: do not pay Redis's connect timeout on every send while it is down.
                skipRedisUntil = time.GetUtcNow() + RetryRedisAfter;
                return await FallbackAsync(chatId, lane, deadline, chatDeadline, maxWait, ct);
            }
            if (waitMs <= 0) return true;
            var now = time.GetUtcNow();
            // The chat's bound counts only when the chat's own bucket is what the message waits for (as locally).
            if (maxWait is not null && (now.AddMilliseconds(waitMs) > deadline || (chatWaitMs > 0 && now.AddMilliseconds(chatWaitMs) > chatDeadline))) return false;
            metrics.LimiterWaited();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(waitMs, 5000)), time, ct);
        }
    }

    private async ValueTask<bool> FallbackAsync(
        long chatId, SendLane lane, DateTimeOffset deadline, DateTimeOffset chatDeadline, TimeSpan? maxWait, CancellationToken ct)
    {
        if (maxWait is null)
        {
            await fallback.AcquireAsync(chatId, lane, ct);
            return true;
        }
        var (left, chatLeft) = (deadline - time.GetUtcNow(), chatDeadline - time.GetUtcNow());
        return left >= TimeSpan.Zero && await fallback.TryAcquireAsync(chatId, lane, left, chatLeft > TimeSpan.Zero ? chatLeft : TimeSpan.Zero, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Redis unreachable ({Reason}): Telegram send limits now held per process only")]
    private partial void LogDegraded(string reason);

    [LoggerMessage(LogLevel.Information, "Redis reachable again: Telegram send limits shared across replicas")]
    private partial void LogRecovered();
}
