using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quiz.LoadDriver;

/// <summary>
/// Issue #14, item 6: what a player feels. Players play quick games through the Telegram sandbox's control API (the sandbox
/// delivers their taps to the real bot by webhook, with Telegram's rate limits on; the bot keeps its real send and inbound
/// limits). Measured per answer tap: from pressing the button to the chat showing the next question (a new bot message
/// with answer buttons), by polling the chat every <see cref="Poll"/>. Two phases, each with new players: a human pace
/// (<see cref="Think"/> between seeing a question and tapping) and back-to-back taps (tap as soon as the question shows).
/// </summary>
internal static class TapScenario
{
    public static readonly TimeSpan Think = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);
    private const string Api = "/sandbox/api";

    public static async Task RunAsync(DriverOptions o, Uri sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox, Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine(Invariant($"Scenario taps: {o.Concurrency} players per phase, {o.Seconds} s per phase, through the sandbox (rate limits on) …"));
        var rows = new List<(string Name, Phase Result)>();
        foreach (var (name, think) in new[] { ("human pace (3 s think)", Think), ("back-to-back taps", TimeSpan.Zero) })
        {
            var phase = new Phase();
            var until = Stopwatch.GetTimestamp() + (long)(o.Seconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(i => Task.Run(() => PlayAsync(http, $"Tap{i}", think, until, phase))));
            rows.Add((name, phase));
        }
        Console.WriteLine();
        Console.WriteLine("| tap → next question visible | taps | p50 ms | p95 ms | p99 ms | max ms | no question within 10 s | games finished |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, p) in rows)
        {
            var ms = p.Latencies.Order().ToArray();
            Console.WriteLine(ms.Length == 0 ? $"| {name} | 0 | – | – | – | – | {p.Lost} | {p.Games} |"
                : Invariant($"| {name} | {ms.Length} | {P(ms, 50):F0} | {P(ms, 95):F0} | {P(ms, 99):F0} | {ms[^1]:F0} | {p.Lost} | {p.Games} |"));
        }
        var calls = await http.GetFromJsonAsync<List<JsonElement>>($"{Api}/calls");
        Console.WriteLine(Invariant($"Sandbox: {calls!.Count} Bot API calls, {calls.Count(c => c.GetProperty("status").GetInt32() == 429)} answered 429"));
    }

    private sealed class Phase
    {
        public System.Collections.Concurrent.ConcurrentBag<double> Latencies { get; } = [];
        public int Lost;
        public int Games;
    }

    private static async Task PlayAsync(HttpClient http, string name, TimeSpan think, long until, Phase phase)
    {
        var user = (await (await http.PostAsJsonAsync($"{Api}/users", new { firstName = name, languageCode = "de" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetInt64();
        var seen = 0;
        Question? question = null;
        while (Stopwatch.GetTimestamp() < until)
        {
            if (question is null)
            {
                (await http.PostAsJsonAsync($"{Api}/users/{user}/messages", new { text = "/spielen" })).EnsureSuccessStatusCode();
                question = await NextQuestionAsync(http, user, seen, Stopwatch.GetTimestamp() + (long)(GiveUp.TotalSeconds * Stopwatch.Frequency));
                if (question is null) continue;
                seen = question.MessageId;
            }
            await Task.Delay(think);
            var tapped = Stopwatch.GetTimestamp();
            var press = await http.PostAsJsonAsync($"{Api}/users/{user}/press", new { messageId = question.MessageId, callbackData = question.Answer });
            if (!press.IsSuccessStatusCode)
            {
                question = null;
                continue;
            }
            var (next, finished) = await AfterTapAsync(http, user, seen, tapped + (long)(GiveUp.TotalSeconds * Stopwatch.Frequency));
            if (next is not null) phase.Latencies.Add(Stopwatch.GetElapsedTime(tapped, next.SeenAt).TotalMilliseconds);
            else if (finished) Interlocked.Increment(ref phase.Games);
            else Interlocked.Increment(ref phase.Lost);
            if (next is not null || finished) seen = Math.Max(seen, next?.MessageId ?? await LastBotMessageAsync(http, user));
            question = next;
        }
    }

    private sealed record Question(int MessageId, string Answer, long SeenAt);

    /// <summary>The next question after <paramref name="seen"/>; or finished when a bot message without answer buttons (the result) came.</summary>
    private static async Task<(Question? Next, bool Finished)> AfterTapAsync(HttpClient http, long user, int seen, long deadline)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var chat = await ChatAsync(http, user);
            var now = Stopwatch.GetTimestamp();
            var newer = chat.Where(m => m.FromBot && m.MessageId > seen).ToList();
            if (newer.FirstOrDefault(m => m.Answer is not null) is { } q) return (new Question(q.MessageId, q.Answer!, now), false);
            // The last answer's verdict comes with the game's result: a bot message without answer or "Weiter" buttons.
            if (newer.Any(m => m.Next is null)) return (null, true);
            if (newer.FirstOrDefault(m => m.Next is not null) is { } paused)
            {
                await http.PostAsJsonAsync($"{Api}/users/{user}/press", new { messageId = paused.MessageId, callbackData = paused.Next });
                seen = paused.MessageId;
            }
            await Task.Delay(Poll);
        }
        return (null, false);
    }

    private static async Task<Question?> NextQuestionAsync(HttpClient http, long user, int seen, long deadline)
    {
        var (next, _) = await AfterTapAsync(http, user, seen, deadline);
        return next;
    }

    private static async Task<int> LastBotMessageAsync(HttpClient http, long user) =>
        (await ChatAsync(http, user)).Where(m => m.FromBot).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    private sealed record ChatItem(int MessageId, bool FromBot, string Text, string? Answer, string? Next);

    private static async Task<List<ChatItem>> ChatAsync(HttpClient http, long user)
    {
        var items = await http.GetFromJsonAsync<List<JsonElement>>($"{Api}/users/{user}/chat");
        return [.. items!.Select(m => new ChatItem(m.GetProperty("messageId").GetInt32(), m.GetProperty("fromBot").GetBoolean(),
            m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "",
            Button(m, "game:answer:"), Button(m, "game:next:")))];
    }

    /// <summary>The callback data of the message's first button that starts with <paramref name="prefix"/>.</summary>
    private static string? Button(JsonElement message, string prefix)
    {
        if (!message.TryGetProperty("replyMarkup", out var markup) || markup.ValueKind != JsonValueKind.Object
            || !markup.TryGetProperty("inline_keyboard", out var rows)) return null;
        var options = rows.EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Select(b => b.TryGetProperty("callback_data", out var d) ? d.GetString() : null)
            .Where(d => d is not null && d.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return options.Count == 0 ? null : options[Random.Shared.Next(options.Count)];
    }

    private static double P(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
