using System.Globalization;
using StackExchange.Redis;

namespace Quiz.Bot.RateLimiting;

public sealed partial class RedisTelegramRateLimiter
{
    // KEYS: chat bucket (shared with the free lanes), paid bucket, today's paid message count. ARGV: chat rate/s, chat
    // burst, paid rate/s, today's cap in messages (0.1 Star each). Returns 0 when the message took its slot, -1 when
    // today's cap is spent, else the ms to wait.
    private const string PaidScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local cr, cb, pr, cap = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        if tonumber(redis.call('GET', KEYS[3]) or '0') >= cap then return -1 end
        local c = cb
        local cv = redis.call('HMGET', KEYS[1], 't', 'ts')
        if cv[1] then c = math.min(cb, tonumber(cv[1]) + math.max(0, now - tonumber(cv[2])) * cr / 1000) end
        local p = 1
        local pv = redis.call('HMGET', KEYS[2], 't', 'ts')
        if pv[1] then p = math.min(1, tonumber(pv[1]) + math.max(0, now - tonumber(pv[2])) * pr / 1000) end
        if c >= 1 and p >= 1 then
          redis.call('HSET', KEYS[1], 't', c - 1, 'ts', now)
          redis.call('PEXPIRE', KEYS[1], 600000)
          redis.call('HSET', KEYS[2], 't', p - 1, 'ts', now)
          redis.call('PEXPIRE', KEYS[2], 60000)
          redis.call('INCR', KEYS[3])
          redis.call('EXPIRE', KEYS[3], 172800)
          return 0
        end
        local wait = 0
        if c < 1 then wait = math.ceil((1 - c) * 1000 / cr) end
        if p < 1 then wait = math.max(wait, math.ceil((1 - p) * 1000 / pr)) end
        return math.max(1, wait)
        """;

    /// <summary>Messages sent with <c>allow_paid_broadcast</c> today (UTC), each counted as 0.1 Star against the cap.</summary>
    public async Task<long> PaidBroadcastsTodayAsync() =>
        (long?)await redis.GetDatabase().StringGetAsync(PaidDayKey()) ?? 0;

    public async ValueTask<bool> TryAcquirePaidAsync(long chatId, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.AllowPaidBroadcast || time.GetUtcNow() < skipRedisUntil) return false;
        var (chatRate, chatBurst) = ChatBucket(o, chatId);
        RedisKey[] keys = [$"{KeyPrefix}:chat:{chatId}", $"{KeyPrefix}:paid", PaidDayKey()];
        RedisValue[] args = [chatRate, chatBurst, o.PaidBroadcastMessagesPerSecond, (long)o.PaidBroadcastStarsPerDay * 10];
        while (true)
        {
            long waitMs;
            try
            {
                waitMs = (long)(await redis.GetDatabase().ScriptEvaluateAsync(PaidScript, keys, args))!;
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException or ObjectDisposedException)
            {
                // Without the shared count the cap cannot hold across replicas: no paid broadcast until Redis is back.
                metrics.LimiterDegraded();
                return false;
            }
            if (waitMs == 0) return true;
            if (waitMs < 0) return false;
            metrics.LimiterWaited();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(waitMs, 5000)), time, ct);
        }
    }

    private RedisKey PaidDayKey() => $"{KeyPrefix}:paid:{time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
