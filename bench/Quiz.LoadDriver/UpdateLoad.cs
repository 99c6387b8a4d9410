using System.Diagnostics;
using System.Text;

namespace Quiz.LoadDriver;

internal sealed record LoadResult(int Requests, int Errors, double Seconds, double[] LatenciesMs)
{
    public double Throughput => Requests / Seconds;

    public double Max => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1];

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> clients post realistic updates (commands, button presses,
/// membership changes of thousands of players) to the webhook and time each request.
/// </summary>
internal sealed class UpdateLoad(Uri bot, int players)
{
    private long nextUpdateId = 1_000_000;

    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = bot };
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var until = clock.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = new List<double>(4096);
            var random = new Random(worker);
            while (clock.Elapsed < until && !ct.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
                {
                    Content = new StringContent(NextUpdate(random), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, ct);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }, ct)));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors, clock.Elapsed.TotalSeconds, all);
    }

    private string NextUpdate(Random random)
    {
        var id = Interlocked.Increment(ref nextUpdateId);
        var user = 500_000_000 + random.Next(players);
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var chat = $$$$$"""{"id":{{{{{user}}}}},"type":"private","first_name":"Spieler{{{{{user % 1000}}}}}"}""";
        var from = $$$$$"""{"id":{{{{{user}}}}},"is_bot":false,"first_name":"Spieler{{{{{user % 1000}}}}}","language_code":"de"}""";
        return random.Next(10) switch
        {
            < 4 => $$$$$"""{"update_id":{{{{{id}}}}},"message":{"message_id":{{{{{id}}}}},"date":{{{{{date}}}}},"chat":{{{{{chat}}}}},"from":{{{{{from}}}}},"text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}""",
            < 6 => $$$$$"""{"update_id":{{{{{id}}}}},"message":{"message_id":{{{{{id}}}}},"date":{{{{{date}}}}},"chat":{{{{{chat}}}}},"from":{{{{{from}}}}},"text":"/hilfe","entities":[{"type":"bot_command","offset":0,"length":6}]}}""",
            < 9 => $$$$$"""{"update_id":{{{{{id}}}}},"callback_query":{"id":"cb{{{{{id}}}}}","from":{{{{{from}}}}},"chat_instance":"ci{{{{{user}}}}}","data":"menu:help","message":{"message_id":7,"date":{{{{{date}}}}},"chat":{{{{{chat}}}}},"text":"Menü"}}}""",
            _ => $$$$$"""{"update_id":{{{{{id}}}}},"my_chat_member":{"chat":{{{{{chat}}}}},"from":{{{{{from}}}}},"date":{{{{{date}}}}},"old_chat_member":{"status":"kicked","user":{"id":123456,"is_bot":true,"first_name":"Quiz"},"until_date":0},"new_chat_member":{"status":"member","user":{"id":123456,"is_bot":true,"first_name":"Quiz"}}}}""",
        };
    }
}
