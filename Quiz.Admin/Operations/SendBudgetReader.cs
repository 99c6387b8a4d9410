using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Quiz.Admin.Operations;

/// <param name="GlobalTokens">Messages the overall bucket would let out at once now (of <see cref="GlobalBurst"/>).</param>
/// <param name="ChatsKnown">Chats the limiter saw in the last ten minutes (their bucket keys live that long).</param>
/// <param name="ChatsWaiting">Of those, chats whose own bucket is empty now: their next message waits.</param>
/// <param name="Truncated">More chat buckets exist than were looked at.</param>
public sealed record SendBudgetRow(double GlobalTokens, double GlobalBurst, double GlobalRate, int ChatsKnown, int ChatsWaiting, bool Truncated);

/// <summary>
/// The bot's send budget as it stands in Redis (<c>RedisTelegramRateLimiter</c>'s hashes: <c>t</c> tokens at <c>ts</c> ms),
/// refilled to the Redis server's clock as the bot's script does. Read-only: HMGET, SCAN and TIME, never a write.
/// </summary>
public sealed class SendBudgetReader(IConnectionMultiplexer redis, IOptions<MachineryOptions> options)
{
    public async Task<SendBudgetRow> ReadAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var db = redis.GetDatabase();
        var now = NowMs((RedisResult[])(await db.ExecuteAsync("TIME"))!);
        var burst = Math.Max(1, 30 - o.GlobalMessagesPerSecond);
        var global = Tokens(await db.HashGetAsync($"{o.SendLimiterKeyPrefix}:global", ["t", "ts"]), now, o.GlobalMessagesPerSecond, burst);
        var server = redis.GetServers().First(s => s.IsConnected && !s.IsReplica);
        var keys = new List<RedisKey>();
        var truncated = false;
        await foreach (var key in server.KeysAsync(db.Database, $"{o.SendLimiterKeyPrefix}:chat:*", pageSize: 1000).WithCancellation(ct))
        {
            if (keys.Count == o.ChatScanLimit)
            {
                truncated = true;
                break;
            }
            keys.Add(key);
        }
        var buckets = await Task.WhenAll(keys.Select(k => db.HashGetAsync(k, ["t", "ts"])));
        var waiting = buckets.Count(b => Tokens(b, now, o.ChatMessagesPerSecond, double.MaxValue) < 1);
        return new SendBudgetRow(global, burst, o.GlobalMessagesPerSecond, keys.Count, waiting, truncated);
    }

    /// <summary>A bucket refilled to <paramref name="now"/>; a missing one is full.</summary>
    private static double Tokens(RedisValue[] hash, long now, double rate, double burst)
    {
        if (hash[0].IsNull || hash[1].IsNull) return burst;
        var tokens = double.Parse((string)hash[0]!, CultureInfo.InvariantCulture);
        var at = double.Parse((string)hash[1]!, CultureInfo.InvariantCulture);
        return Math.Min(burst, tokens + Math.Max(0, now - at) * rate / 1000);
    }

    /// <summary>Redis's TIME (seconds, microseconds) in milliseconds, the clock the bot's script uses.</summary>
    private static long NowMs(RedisResult[] time) =>
        long.Parse((string)time[0]!, CultureInfo.InvariantCulture) * 1000 + long.Parse((string)time[1]!, CultureInfo.InvariantCulture) / 1000;
}
