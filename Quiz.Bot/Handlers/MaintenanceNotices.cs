using System.Collections.Concurrent;

namespace Quiz.Bot.Handlers;

/// <summary>
/// At most one maintenance notice per chat per <see cref="Interval"/> from this replica, so a player who keeps tapping is
/// not flooded (in memory: maintenance may be on because the database or Redis is being worked on).
/// </summary>
public sealed class MaintenanceNotices(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<long, DateTimeOffset> sent = new();

    public bool TryClaim(long chatId)
    {
        var now = time.GetUtcNow();
        if (sent.Count > PruneAbove) Prune(now);
        while (true)
        {
            if (!sent.TryGetValue(chatId, out var last))
            {
                if (sent.TryAdd(chatId, now)) return true;
                continue;
            }
            if (now - last < Interval) return false;
            if (sent.TryUpdate(chatId, now, last)) return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (chat, at) in sent)
        {
            if (now - at >= Interval) sent.TryRemove(new KeyValuePair<long, DateTimeOffset>(chat, at));
        }
    }
}
