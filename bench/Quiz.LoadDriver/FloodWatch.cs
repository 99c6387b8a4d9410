using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Quiz.LoadDriver;

/// <summary>
/// The stub's side of the flood scenario: it holds the bot to Telegram's send limits as the sandbox
/// does (30 messages/s overall, 1/s per private chat with a burst of 3; over them: 429 with retry_after),
/// counts every message by chat and kind (the slow-down notice or a reply), and times the control
/// player's replies: each one answers the oldest control command still waiting for its reply.
/// </summary>
internal sealed class FloodWatch(long controlChat)
{
    private const double GlobalPerSecond = 30;
    private const double ChatPerSecond = 1;
    private const double ChatBurst = 3;
    private readonly Lock gate = new();
    private readonly Dictionary<long, (double Tokens, long At)> chats = [];
    private readonly Dictionary<long, (int Replies, int Notices)> counts = [];
    private readonly Queue<long> controlWaiting = new();
    private readonly List<(long PostedAt, double Ms)> controlLatencies = [];
    private (double Tokens, long At) global = (GlobalPerSecond, Stopwatch.GetTimestamp());

    public long LastFloodMessageAt { get; private set; }

    public int TooManyRequests { get; private set; }

    /// <summary>Slow-down notices to the control player: it sends at its inbound refill rate, so this should stay 0.</summary>
    public int ControlNotices { get; private set; }

    public long Messages { get; private set; }

    /// <summary>Only these calls are parsed and limited; the others pass as in the plain stub.</summary>
    public static bool Reads(string method) => method is "sendmessage" or "editmessagetext";

    /// <summary>Call just before posting a control command.</summary>
    public void ControlPosted(long at)
    {
        lock (gate) controlWaiting.Enqueue(at);
    }

    /// <summary>A 429 body when the call is over Telegram's limits, otherwise null (and the message is counted).</summary>
    public string? Observe(string method, JsonElement body)
    {
        var now = Stopwatch.GetTimestamp();
        var chat = QuestionInbox.ChatId(body) ?? 0;
        var notice = body.TryGetProperty("text", out var text) && text.GetString()?.StartsWith("🐢", StringComparison.Ordinal) == true;
        lock (gate)
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
            Messages++;
            if (chat == controlChat)
            {
                if (notice) ControlNotices++;
                else if (method == "sendmessage" && controlWaiting.TryDequeue(out var posted))
                {
                    controlLatencies.Add((posted, Stopwatch.GetElapsedTime(posted, now).TotalMilliseconds));
                }
                return null;
            }
            var (replies, notices) = counts.GetValueOrDefault(chat);
            counts[chat] = notice ? (replies, notices + 1) : (replies + 1, notices);
            LastFloodMessageAt = now;
            return null;
        }
    }

    public (int Replies, int Notices) CountsOf(long chat)
    {
        lock (gate) return counts.GetValueOrDefault(chat);
    }

    /// <summary>The control replies so far: when their command was posted (Stopwatch timestamp) and how long the reply took.</summary>
    public IReadOnlyList<(long PostedAt, double Ms)> ControlLatencies()
    {
        lock (gate) return [.. controlLatencies];
    }

    public int ControlUnanswered()
    {
        lock (gate) return controlWaiting.Count;
    }

    private static (double Tokens, long At) Refill((double Tokens, long At) bucket, double perSecond, double capacity, long now) =>
        (Math.Min(capacity, bucket.Tokens + (Stopwatch.GetElapsedTime(bucket.At, now).TotalSeconds * perSecond)), now);
}
