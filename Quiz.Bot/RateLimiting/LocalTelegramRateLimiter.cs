using Microsoft.Extensions.Options;
using Quiz.Bot.Telegram;

namespace Quiz.Bot.RateLimiting;

/// <summary>
/// The same buckets and the same order (<see cref="FairShare"/>) in process memory: the fallback while
/// Redis is down, so each replica still keeps its lanes and gives every chat its fair turn.
/// </summary>
public sealed class LocalTelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider time) : ITelegramRateLimiter
{
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);
    private readonly Lock gate = new();
    private readonly Dictionary<long, Chat> chats = [];
    private double global = -1;
    private DateTimeOffset globalAt;
    private double bulk = -1;
    private DateTimeOffset bulkAt;

    public async ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => await AcquireCoreAsync(chatId, lane, null, null, ct);

    public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, CancellationToken ct) =>
        TryAcquireAsync(chatId, lane, maxWait, maxWait, ct);

    public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, TimeSpan maxChatWait, CancellationToken ct) =>
        AcquireCoreAsync(chatId, lane, time.GetUtcNow() + maxWait, time.GetUtcNow() + maxChatWait, ct);

    private async ValueTask<bool> AcquireCoreAsync(long chatId, SendLane lane, DateTimeOffset? deadline, DateTimeOffset? chatDeadline, CancellationToken ct)
    {
        var asked = time.GetUtcNow();
        TimeSpan? waited = null;
        while (true)
        {
            var (wait, chatWait) = Take(chatId, lane, waited);
            if (wait <= TimeSpan.Zero) return true;
            var now = time.GetUtcNow();
            // The chat's bound counts only when the chat's own bucket is what the message waits for: with a bound of zero
            // (a reply) and a token in the chat's bucket, it still waits for the overall budget up to its deadline.
            if ((deadline is { } until && now + wait > until) || (chatWait > TimeSpan.Zero && chatDeadline is { } chatUntil && now + chatWait > chatUntil)) return false;
            await Task.Delay(wait, time, ct);
            waited = time.GetUtcNow() - asked;
        }
    }

    /// <summary>
    /// One attempt of one message: takes a token and returns zero, or takes nothing and returns how long until
    /// this message's turn could come. <paramref name="waited"/> is null on the message's first attempt, then how
    /// long it has waited so far.
    /// </summary>
    public TimeSpan TryTake(long chatId, SendLane lane, TimeSpan? waited) => Take(chatId, lane, waited).Wait;

    /// <summary>As <see cref="TryTake"/>, and of that wait the part the chat's own bucket needs to refill.</summary>
    private (TimeSpan Wait, TimeSpan ChatWait) Take(long chatId, SendLane lane, TimeSpan? waited)
    {
        var o = options.Value;
        var burst = RedisTelegramRateLimiter.GlobalBurst(o);
        var (chatRate, chatBurst) = RedisTelegramRateLimiter.ChatBucket(o, chatId);
        var now = time.GetUtcNow();
        lock (gate)
        {
            var g = global < 0 ? burst : Math.Min(burst, global + ((now - globalAt).TotalSeconds * o.GlobalMessagesPerSecond));
            var chat = chats.TryGetValue(chatId, out var known) ? known : new Chat(chatBurst, now, 0, now);
            var c = Math.Min(chatBurst, chat.Tokens + ((now - chat.TokensAt).TotalSeconds * chatRate));
            var share = FairShare.Decay(chat.Share, (now - chat.ShareAt).TotalMilliseconds);
            if (waited is null)
            {
                if (chats.Count > PruneAbove) Prune(now);
                chat = chat with { Share = share + 1, ShareAt = now };
            }
            var need = FairShare.Need(burst, lane, FairShare.Others(share, waited));
            var bulkRate = RedisTelegramRateLimiter.BulkRate(o);
            var b = lane != SendLane.Bulk ? 1 : bulk < 0 ? 1 : Math.Min(1, bulk + ((now - bulkAt).TotalSeconds * bulkRate));
            if (g >= need && c >= 1 && b >= 1)
            {
                (global, globalAt) = (g - 1, now);
                if (lane == SendLane.Bulk) (bulk, bulkAt) = (b - 1, now);
                chats[chatId] = new Chat(c - 1, now, FairShare.Decay(chat.Share, (now - chat.ShareAt).TotalMilliseconds) + 1, now);
                return (TimeSpan.Zero, TimeSpan.Zero);
            }
            chats[chatId] = chat;
            var chatSeconds = c < 1 ? (1 - c) / chatRate : 0;
            var waitSeconds = Math.Max(Math.Max(g < need ? (need - g) / o.GlobalMessagesPerSecond : 0, chatSeconds), b < 1 ? (1 - b) / bulkRate : 0);
            return (TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(waitSeconds * 1000))), TimeSpan.FromMilliseconds(Math.Ceiling(chatSeconds * 1000)));
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, chat) in chats)
        {
            if (now - chat.TokensAt > Forget && now - chat.ShareAt > Forget) chats.Remove(id);
        }
    }

    private readonly record struct Chat(double Tokens, DateTimeOffset TokensAt, double Share, DateTimeOffset ShareAt);
}
