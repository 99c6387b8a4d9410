using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Quiz.Bot.Inbound;

/// <summary>
/// Token buckets per player and kind, shared by every bot replica through Redis (RedisRateLimiting's
/// token bucket on <c>System.Threading.RateLimiting</c>). When Redis is unreachable each replica falls
/// back to its own buckets, logs it once and counts <c>quiz.bot.ratelimit.degraded</c>, as the send limiter does.
/// </summary>
public sealed partial class InboundLimiter : IDisposable
{
    private static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromHours(24);
    private readonly IConnectionMultiplexer redis;
    private readonly InboundLimitOptions options;
    private readonly TimeProvider time;
    private readonly BotMetrics metrics;
    private readonly ILogger<InboundLimiter> logger;
    private readonly PartitionedRateLimiter<(InboundKind Kind, long User)> shared;
    private readonly PartitionedRateLimiter<(InboundKind Kind, long User)> local;
    private readonly ConcurrentDictionary<long, DateTimeOffset> localNotices = new();
    private readonly ConcurrentDictionary<(InboundKind Kind, long User), DateTimeOffset> localCooldowns = new();
    private DateTimeOffset skipRedisUntil;
    private int degraded;

    public InboundLimiter(IConnectionMultiplexer redis, IOptions<InboundLimitOptions> options, TimeProvider time, BotMetrics metrics, ILogger<InboundLimiter> logger)
    {
        this.redis = redis;
        this.options = options.Value;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
        shared = PartitionedRateLimiter.Create<(InboundKind Kind, long User), string>(r => RedisRateLimitPartition.GetTokenBucketRateLimiter(Key(r.Kind, r.User), _ =>
        {
            var budget = Budget(r.Kind);
            return new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis, TokenLimit = budget.Burst, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(budget.RefillSeconds),
            };
        }));
        local = PartitionedRateLimiter.Create<(InboundKind Kind, long User), string>(r => RateLimitPartition.GetTokenBucketLimiter(Key(r.Kind, r.User), _ =>
        {
            var budget = Budget(r.Kind);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.Burst, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(budget.RefillSeconds), QueueLimit = 0, AutoReplenishment = true,
            };
        }));
    }

    /// <summary>True when the player still has a token of every kind the update draws on.</summary>
    public async ValueTask<bool> TryTakeAsync(long userId, IReadOnlyList<InboundKind> kinds, CancellationToken ct)
    {
        foreach (var kind in kinds)
        {
            if (!await TryTakeAsync(kind, userId, ct)) return false;
        }
        return true;
    }

    /// <summary>
    /// True for the first delivery of an update id (kept for Telegram's 24 h of redelivery): Telegram delivers an
    /// update again after a 503 while another replica holds its claim, and that redelivery must not draw from the
    /// player's budget a second time. Without Redis every delivery counts as a first one (each replica limits alone).
    /// </summary>
    public async ValueTask<bool> FirstDeliveryAsync(int updateId)
    {
        if (time.GetUtcNow() < skipRedisUntil) return true;
        try
        {
            return await redis.GetDatabase().StringSetAsync(DeliveryKey(updateId), 1, RedeliveryWindow, When.NotExists);
        }
        catch (Exception ex) when (IsRedisDown(ex))
        {
            Degrade(ex);
            return true;
        }
    }

    /// <summary>A refused update was not admitted: should it come again, it is judged again.</summary>
    public async ValueTask ForgetDeliveryAsync(int updateId)
    {
        if (time.GetUtcNow() < skipRedisUntil) return;
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(DeliveryKey(updateId));
        }
        catch (Exception ex) when (IsRedisDown(ex))
        {
            Degrade(ex);
        }
    }

    private static string DeliveryKey(int updateId) => $"quiz:inbound:delivered:{updateId}";

    /// <summary>True once per notice window and player: whether to say "Bitte etwas langsamer".</summary>
    public async ValueTask<bool> NoticeDueAsync(long userId)
    {
        var window = TimeSpan.FromSeconds(options.NoticeWindowSeconds);
        if (time.GetUtcNow() >= skipRedisUntil)
        {
            try
            {
                return await redis.GetDatabase().StringSetAsync($"quiz:inbound:notice:{userId}", 1, window, When.NotExists);
            }
            catch (Exception ex) when (IsRedisDown(ex))
            {
                Degrade(ex);
            }
        }
        var now = time.GetUtcNow();
        var due = true;
        localNotices.AddOrUpdate(userId, now, (_, last) => (due = now - last >= window) ? now : last);
        return due;
    }

    private async ValueTask<bool> TryTakeAsync(InboundKind kind, long userId, CancellationToken ct)
    {
        var cooldown = TimeSpan.FromSeconds(Budget(kind).CooldownSeconds);
        if (time.GetUtcNow() >= skipRedisUntil)
        {
            try
            {
                var db = redis.GetDatabase();
                var pause = CooldownKey(kind, userId);
                // A refused request while pausing counts the pause again: the flood has to stop, not just slow down.
                if (cooldown > TimeSpan.Zero && await db.KeyExpireAsync(pause, cooldown, ExpireWhen.HasExpiry)) return false;
                using var lease = await shared.AcquireAsync((kind, userId), 1, ct);
                if (Interlocked.Exchange(ref degraded, 0) == 1) LogRecovered();
                if (!lease.IsAcquired && cooldown > TimeSpan.Zero) await db.StringSetAsync(pause, 1, cooldown);
                return lease.IsAcquired;
            }
            catch (Exception ex) when (IsRedisDown(ex))
            {
                Degrade(ex);
            }
        }
        var now = time.GetUtcNow();
        if (cooldown > TimeSpan.Zero && localCooldowns.TryGetValue((kind, userId), out var until) && now < until)
        {
            localCooldowns[(kind, userId)] = now + cooldown;
            return false;
        }
        using var fallback = local.AttemptAcquire((kind, userId));
        if (!fallback.IsAcquired && cooldown > TimeSpan.Zero) localCooldowns[(kind, userId)] = now + cooldown;
        return fallback.IsAcquired;
    }

    private static string CooldownKey(InboundKind kind, long user) => $"quiz:inbound:pause:{kind.ToString().ToLowerInvariant()}:{user}";

    private InboundBudget Budget(InboundKind kind) => kind switch
    {
        InboundKind.Command => options.Commands,
        InboundKind.Button => options.Buttons,
        _ => options.Invoices,
    };

    private static string Key(InboundKind kind, long user) => $"quiz:inbound:{kind.ToString().ToLowerInvariant()}:{user}";

    private static bool IsRedisDown(Exception ex) => ex is RedisException or RedisTimeoutException or ObjectDisposedException;

    private void Degrade(Exception ex)
    {
        skipRedisUntil = time.GetUtcNow() + RetryRedisAfter;
        metrics.LimiterDegraded();
        if (Interlocked.Exchange(ref degraded, 1) == 0) LogDegraded(ex.Message);
    }

    public void Dispose()
    {
        shared.Dispose();
        local.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Inbound limits: Redis unreachable, each replica limits on its own for now: {Reason}")]
    private partial void LogDegraded(string reason);

    [LoggerMessage(LogLevel.Information, "Inbound limits: Redis reachable again, limits are shared across replicas")]
    private partial void LogRecovered();
}
