using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Quiz.Bot.Inbound;

/// <summary>What the gate decided for one update: handle it, or refuse it (and whether the player hears the notice now).</summary>
public readonly record struct InboundVerdict(bool Admitted, bool NoticeDue);

/// <summary>
/// Token buckets per player and kind, shared by every bot replica through Redis, judged for an update in one round trip:
/// one script checks whether the update id was admitted before (a redelivery passes without drawing again), then for each
/// kind the update draws on the pause after a refusal and the bucket (<see cref="InboundLimitOptions"/>); a refused update
/// forgets its delivery and takes the player's notice window if it is free. The buckets refill whole tokens per period, as
/// the RedisRateLimiting token bucket this replaces did, on the Redis server's clock. When Redis is unreachable each
/// replica falls back to its own buckets (<see cref="InboundLocalLimits"/>), logs it once and counts
/// <c>quiz.bot.ratelimit.degraded</c>, as the send limiter does.
/// </summary>
public sealed partial class InboundLimiter(
    IConnectionMultiplexer redis,
    IOptions<InboundLimitOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<InboundLimiter> logger) : IDisposable
{
    // KEYS: delivery, notice, then per kind its bucket (hash: t tokens, ts time of the last whole refill) and its pause.
    // ARGV: delivery ttl ms, notice window ms, then per kind burst, refill period ms, pause ms (0: none).
    // Returns {admitted, notice due}.
    private const string Script = """
        if not redis.call('SET', KEYS[1], 1, 'PX', ARGV[1], 'NX') then return {1, 0} end
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        for i = 1, (#KEYS - 2) / 2 do
          local bucket, pause = KEYS[1 + 2 * i], KEYS[2 + 2 * i]
          local burst, period, cooldown = tonumber(ARGV[3 * i]), tonumber(ARGV[3 * i + 1]), tonumber(ARGV[3 * i + 2])
          local refused = cooldown > 0 and redis.call('PEXPIRE', pause, cooldown, 'XX') == 1
          if not refused then
            local state = redis.call('HMGET', bucket, 't', 'ts')
            local tokens, since = burst, now
            if state[1] then
              local periods = math.floor(math.max(0, now - tonumber(state[2])) / period)
              tokens = math.min(burst, tonumber(state[1]) + periods)
              since = tonumber(state[2]) + periods * period
            end
            if tokens >= 1 then
              redis.call('HSET', bucket, 't', tokens - 1, 'ts', since)
              redis.call('PEXPIRE', bucket, math.ceil(burst * period))
            else
              refused = true
              if cooldown > 0 then redis.call('SET', pause, 1, 'PX', cooldown) end
            end
          end
          if refused then
            redis.call('DEL', KEYS[1])
            if redis.call('SET', KEYS[2], 1, 'PX', ARGV[2], 'NX') then return {0, 1} end
            return {0, 0}
          end
        end
        return {1, 0}
        """;

    private static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromHours(24);
    private readonly InboundLocalLimits local = new(options.Value, time);
    private DateTimeOffset skipRedisUntil;
    private int degraded;

    /// <summary>
    /// The first delivery of an update id (kept for Telegram's 24 h of redelivery) draws one token of every kind it needs;
    /// a redelivery (Telegram's retry after a 503 while another replica holds the claim) passes without drawing again.
    /// Without Redis every delivery counts as a first one (each replica limits alone).
    /// </summary>
    public async ValueTask<InboundVerdict> JudgeAsync(int updateId, long userId, IReadOnlyList<InboundKind> kinds, CancellationToken ct)
    {
        if (time.GetUtcNow() >= skipRedisUntil)
        {
            try
            {
                var verdict = await EvaluateAsync(DeliveryKey(updateId), RedeliveryWindow, userId, kinds);
                if (Interlocked.Exchange(ref degraded, 0) == 1) LogRecovered();
                return verdict;
            }
            catch (Exception ex) when (IsRedisDown(ex))
            {
                Degrade(ex);
            }
        }
        return local.Judge(userId, kinds);
    }

    /// <summary>Loads the script into Redis and runs it once for no kind on a key of its own that expires in a second.</summary>
    public async ValueTask WarmAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await EvaluateAsync("quiz:inbound:warmup", TimeSpan.FromSeconds(1), 0, []);
    }

    private async Task<InboundVerdict> EvaluateAsync(string deliveryKey, TimeSpan deliveryTtl, long userId, IReadOnlyList<InboundKind> kinds)
    {
        var o = options.Value;
        var keys = new RedisKey[2 + (2 * kinds.Count)];
        var args = new RedisValue[2 + (3 * kinds.Count)];
        keys[0] = deliveryKey;
        keys[1] = $"quiz:inbound:notice:{userId}";
        args[0] = (long)deliveryTtl.TotalMilliseconds;
        args[1] = o.NoticeWindowSeconds * 1000L;
        for (var i = 0; i < kinds.Count; i++)
        {
            var budget = o.Budget(kinds[i]);
            var name = kinds[i].ToString().ToLowerInvariant();
            keys[2 + (2 * i)] = $"quiz:inbound:{name}:{userId}";
            keys[3 + (2 * i)] = $"quiz:inbound:pause:{name}:{userId}";
            args[2 + (3 * i)] = budget.Burst;
            args[3 + (3 * i)] = budget.RefillSeconds * 1000;
            args[4 + (3 * i)] = (long)(budget.CooldownSeconds * 1000);
        }
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args))!;
        return new InboundVerdict((long)result[0] == 1, (long)result[1] == 1);
    }

    private static string DeliveryKey(int updateId) => $"quiz:inbound:delivered:{updateId}";

    private static bool IsRedisDown(Exception ex) => ex is RedisException or RedisTimeoutException or ObjectDisposedException;

    private void Degrade(Exception ex)
    {
        skipRedisUntil = time.GetUtcNow() + RetryRedisAfter;
        metrics.LimiterDegraded();
        if (Interlocked.Exchange(ref degraded, 1) == 0) LogDegraded(ex.Message);
    }

    public void Dispose() => local.Dispose();

    [LoggerMessage(LogLevel.Warning, "Inbound limits: Redis unreachable, each replica limits on its own for now: {Reason}")]
    private partial void LogDegraded(string reason);

    [LoggerMessage(LogLevel.Information, "Inbound limits: Redis reachable again, limits are shared across replicas")]
    private partial void LogRecovered();
}
