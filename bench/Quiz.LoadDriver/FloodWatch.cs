using System.Diagnostics;
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
    private readonly Lock gate = new();
    private readonly TelegramLimits limits = new();
    private readonly Dictionary<long, (int Replies, int Notices)> counts = [];
    private readonly Queue<long> controlWaiting = new();
    private readonly List<(long PostedAt, double Ms)> controlLatencies = [];

    public long LastFloodMessageAt { get; private set; }

    public int TooManyRequests
    {
        get { lock (gate) return limits.TooManyRequests; }
    }

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
            if (limits.Take(chat, now) is { } refused) return refused;
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
}
