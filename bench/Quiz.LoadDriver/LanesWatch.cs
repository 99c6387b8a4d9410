using System.Diagnostics;
using System.Text.Json;

namespace Quiz.LoadDriver;

/// <summary>
/// The stub's side of the lanes scenario: Telegram's send limits as in the flood scenario (30 messages/s overall, 1/s
/// per private chat with a burst of 3; over them: 429 with retry_after), the players' replies timed (a player waits for
/// the reply to its command before it thinks and sends the next one) and the bulk notices counted, per phase. A message
/// containing <paramref name="bulkText"/> is bulk even in a player's chat (an announcement reaches the asking players too).
/// </summary>
internal sealed class LanesWatch(IReadOnlySet<long> players, string? bulkText = null)
{
    private readonly Lock gate = new();
    private readonly TelegramLimits limits = new();
    private readonly Dictionary<long, (long PostedAt, TaskCompletionSource Reply)> waiting = [];
    private readonly List<(string Phase, double Ms)> latencies = [];
    private readonly Dictionary<string, int> bulk = [];

    /// <summary>The phase the next observations count for.</summary>
    public string Phase { get; set; } = "warm-up";

    public int TooManyRequests
    {
        get { lock (gate) return limits.TooManyRequests; }
    }

    public static bool Reads(string method) => method is "sendmessage" or "editmessagetext";

    /// <summary>Call just before posting a player's command; the task completes when its reply reaches the stub.</summary>
    public Task Posted(long player, long at)
    {
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) waiting[player] = (at, reply);
        return reply.Task;
    }

    /// <summary>A 429 body when the call is over Telegram's limits, otherwise null (and the message is counted).</summary>
    public string? Observe(string method, JsonElement body)
    {
        var now = Stopwatch.GetTimestamp();
        var chat = QuestionInbox.ChatId(body) ?? 0;
        lock (gate)
        {
            if (limits.Take(chat, now) is { } refused) return refused;
            if (!players.Contains(chat) || (bulkText is not null && body.TryGetProperty("text", out var text) && text.GetString()?.Contains(bulkText, StringComparison.Ordinal) == true))
            {
                bulk[Phase] = bulk.GetValueOrDefault(Phase) + 1;
            }
            else if (method == "sendmessage" && waiting.Remove(chat, out var posted))
            {
                latencies.Add((Phase, Stopwatch.GetElapsedTime(posted.PostedAt, now).TotalMilliseconds));
                posted.Reply.TrySetResult();
            }
            return null;
        }
    }

    /// <summary>The replies timed in <paramref name="phase"/>, sorted.</summary>
    public double[] Latencies(string phase)
    {
        lock (gate) return [.. latencies.Where(l => l.Phase == phase).Select(l => l.Ms).Order()];
    }

    public int BulkSent(string phase)
    {
        lock (gate) return bulk.GetValueOrDefault(phase);
    }
}
