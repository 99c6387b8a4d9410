using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Quiz.Bot.Inbound;

/// <summary>
/// One replica's own buckets, pauses and notice windows (<c>System.Threading.RateLimiting</c>), for while Redis is
/// unreachable: the same budgets as <see cref="InboundLimiter"/>'s script, counted per replica.
/// </summary>
internal sealed class InboundLocalLimits : IDisposable
{
    private readonly InboundLimitOptions options;
    private readonly TimeProvider time;
    private readonly PartitionedRateLimiter<(InboundKind Kind, long User)> buckets;
    private readonly ConcurrentDictionary<long, DateTimeOffset> notices = new();
    private readonly ConcurrentDictionary<(InboundKind Kind, long User), DateTimeOffset> pauses = new();

    public InboundLocalLimits(InboundLimitOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        buckets = PartitionedRateLimiter.Create<(InboundKind Kind, long User), (InboundKind, long)>(r => RateLimitPartition.GetTokenBucketLimiter(r, _ =>
        {
            var budget = options.Budget(r.Kind);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.Burst, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(budget.RefillSeconds), QueueLimit = 0, AutoReplenishment = true,
            };
        }));
    }

    public InboundVerdict Judge(long userId, IReadOnlyList<InboundKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (!TryTake(kind, userId)) return new InboundVerdict(false, NoticeDue(userId));
        }
        return new InboundVerdict(true, false);
    }

    private bool TryTake(InboundKind kind, long userId)
    {
        var cooldown = TimeSpan.FromSeconds(options.Budget(kind).CooldownSeconds);
        var now = time.GetUtcNow();
        if (cooldown > TimeSpan.Zero && pauses.TryGetValue((kind, userId), out var until) && now < until)
        {
            pauses[(kind, userId)] = now + cooldown;
            return false;
        }
        using var lease = buckets.AttemptAcquire((kind, userId));
        if (!lease.IsAcquired && cooldown > TimeSpan.Zero) pauses[(kind, userId)] = now + cooldown;
        return lease.IsAcquired;
    }

    private bool NoticeDue(long userId)
    {
        var window = TimeSpan.FromSeconds(options.NoticeWindowSeconds);
        var now = time.GetUtcNow();
        var due = true;
        notices.AddOrUpdate(userId, now, (_, last) => (due = now - last >= window) ? now : last);
        return due;
    }

    public void Dispose() => buckets.Dispose();
}
