using System.Diagnostics;
using System.Globalization;

namespace Quiz.LoadDriver;

/// <summary>
/// Telegram's send limits as the sandbox models them: 30 messages/s overall and 1/s per private chat with a burst of 3.
/// A message over either limit is refused with the 429 body Telegram sends (<c>retry_after</c> in whole seconds). Not
/// thread-safe: the watchers call it under their own lock.
/// </summary>
internal sealed class TelegramLimits
{
    private const double GlobalPerSecond = 30;
    private const double ChatPerSecond = 1;
    private const double ChatBurst = 3;
    private readonly Dictionary<long, (double Tokens, long At)> chats = [];
    private (double Tokens, long At) global = (GlobalPerSecond, Stopwatch.GetTimestamp());

    public int TooManyRequests { get; private set; }

    /// <summary>Takes one message for <paramref name="chat"/> at <paramref name="now"/> (a Stopwatch timestamp): null when sent, otherwise the 429 body.</summary>
    public string? Take(long chat, long now)
    {
        (double Tokens, long At) mine = chats.TryGetValue(chat, out var c) ? Refill(c, ChatPerSecond, ChatBurst, now) : (ChatBurst, now);
        global = Refill(global, GlobalPerSecond, GlobalPerSecond, now);
        if (mine.Tokens < 1 || global.Tokens < 1)
        {
            TooManyRequests++;
            chats[chat] = mine;
            var wait = Math.Max(mine.Tokens < 1 ? (1 - mine.Tokens) / ChatPerSecond : 0, global.Tokens < 1 ? (1 - global.Tokens) / GlobalPerSecond : 0);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait));
            return string.Create(CultureInfo.InvariantCulture,
                $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{seconds}}}","parameters":{"retry_after":{{{seconds}}}}}""");
        }
        chats[chat] = (mine.Tokens - 1, now);
        global = (global.Tokens - 1, now);
        if (chats.Count > 200_000) chats.Clear();
        return null;
    }

    private static (double Tokens, long At) Refill((double Tokens, long At) bucket, double perSecond, double capacity, long now) =>
        (Math.Min(capacity, bucket.Tokens + (Stopwatch.GetElapsedTime(bucket.At, now).TotalSeconds * perSecond)), now);
}
