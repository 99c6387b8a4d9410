using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.LoadDriver;

/// <summary>
/// Issue #12, item 1: <c>flooders</c> players each send 25 commands as fast as possible (all at once,
/// without waiting for the webhook's answers) while a control player sends <c>/hilfe</c>
/// every 2 s, through the real bot with its real send limiter and the stub's Telegram limits. A round
/// ends when every flooder message went out (outbox empty, nothing new for 3 s); each round has new
/// flooders, and round 0 (the first after the start) is reported apart. Measured: the control's reply latency (command posted → reply at the stub) for the commands
/// posted while a flood was under way, and what each flooder got (replies, notices). With <c>--bot</c> the flood goes over 40
/// connections opened before it, as Telegram's webhook delivery keeps them (<c>max_connections</c>); the control player posts over its own.
/// </summary>
internal static class FloodScenario
{
    public const int CommandsPerFlooder = 25;
    public const long ControlPlayer = 880_000_001;
    private const int TelegramConnections = 40;
    private static readonly TimeSpan ControlEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    // Update ids differ per run: the inbound gate remembers an admitted update id for 24 h (a redelivery passes without
    // drawing from the budget), and an earlier run on the same Redis would otherwise let this run's floods through.
    private static long nextUpdateId = Random.Shared.NextInt64(10_000_000, 2_000_000_000);

    /// <summary>The control commands' webhook round trips (the bot answers 200 after its reply went out or to the outbox).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentBag<double> Webhook = [];

    public static async Task RunAsync(DriverOptions o, DbContextOptions<QuizDbContext> database, Uri bot, FloodWatch watch)
    {
        var flooders = o.Concurrency;
        Console.WriteLine($"Scenario flood: {o.Rounds} rounds of {flooders} flooders × {CommandsPerFlooder} commands, a control player sends /hilfe every 2 s; real send limiter, stub with Telegram's limits …");
        // With the bot in its own process (as in production), the flood comes as Telegram delivers it: over at most max_connections (40)
        // connections kept open, opened here before it; the control player has one of its own. In-process: every post its own connection.
        var telegramLike = o.Bot is not null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = telegramLike ? TelegramConnections : (flooders * CommandsPerFlooder) + 8 })
        {
            BaseAddress = bot, Timeout = TimeSpan.FromSeconds(120),
        };
        using var own = new HttpClient { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(120) };
        if (telegramLike) await Task.WhenAll(Enumerable.Range(0, TelegramConnections).Select(async _ => (await http.GetAsync(Quiz.ServiceDefaults.Extensions.HealthPath)).Dispose()));
        using var stop = new CancellationTokenSource();
        var control = Task.Run(() => ControlAsync(telegramLike ? own : http, watch, stop.Token));
        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));

        // Flooder ids differ per run, so the inbound buckets of an earlier run on the same Redis do not count.
        var first = 900_000_000 + (Random.Shared.NextInt64(0, 50_000) * 100_000);
        // Round 0 is the first flood after the start, with code paths (rejections, notices, outbox) not yet compiled
        // by the JIT: reported on its own line, like the other scenarios' warm-up.
        var windows = new List<(long From, long To)>();
        var players = new List<long>();
        for (var round = 0; round <= o.Rounds; round++)
        {
            var ids = Enumerable.Range(0, flooders).Select(i => first + (round * 1_000) + i).ToArray();
            players.AddRange(ids);
            var (methods, jit, gcs) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime(), GC.CollectionCount(0));
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(ids.Select(id => Task.Run(() => FloodAsync(http, id))));
            var posted = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await DrainedAsync(database, watch);
            windows.Add((started, watch.LastFloodMessageAt));
            Console.WriteLine(Invariant($"round {round}: flood posted in {posted:F1} s, last flooder message after {Stopwatch.GetElapsedTime(started, watch.LastFloodMessageAt).TotalSeconds:F1} s; in this process meanwhile: {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods compiled by the JIT ({(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms), {GC.CollectionCount(0) - gcs} gen-0 collections, {ThreadPool.ThreadCount} pool threads"));
        }
        await stop.CancelAsync();
        await control;
        for (var i = 0; i < 40 && watch.ControlUnanswered() > 0; i++) await Task.Delay(TimeSpan.FromMilliseconds(500));
        Report(watch, windows, players);
        await ReportDeferredAsync(database);
    }

    /// <summary>How many control replies went through the outbox (deferred) and how long they waited there.</summary>
    private static async Task ReportDeferredAsync(DbContextOptions<QuizDbContext> database)
    {
        await using var db = new QuizDbContext(database);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.ChatId == ControlPlayer && m.ProcessedAt != null)
            .Select(m => new { m.CreatedAt, m.ProcessedAt }).ToListAsync();
        var waits = rows.Select(r => (r.ProcessedAt!.Value - r.CreatedAt).TotalMilliseconds).Order().ToArray();
        Console.WriteLine(Row("control replies deferred to the outbox (written → sent)", waits));
    }

    private static async Task ControlAsync(HttpClient http, FloodWatch watch, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ControlEvery);
        var posts = new List<Task>();
        do
        {
            var update = GameUpdates.Command(Interlocked.Increment(ref nextUpdateId), ControlPlayer, "/hilfe");
            watch.ControlPosted(Stopwatch.GetTimestamp());
            posts.Add(Task.Run(async () => Webhook.Add((await AnswerLoad.PostAsync(http, update, CancellationToken.None)).Ms), CancellationToken.None));
        }
        while (await Tick(timer, ct));
        await Task.WhenAll(posts);
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A script's burst: all its commands at once, without waiting for the bot's answers.</summary>
    private static Task FloodAsync(HttpClient http, long player) =>
        Task.WhenAll(Enumerable.Range(0, CommandsPerFlooder).Select(_ =>
            AnswerLoad.PostAsync(http, GameUpdates.Command(Interlocked.Increment(ref nextUpdateId), player, "/hilfe"), CancellationToken.None)));

    /// <summary>Nothing pending in the outbox and no flooder message for <see cref="Quiet"/>.</summary>
    private static async Task DrainedAsync(DbContextOptions<QuizDbContext> database, FloodWatch watch)
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await using var db = new QuizDbContext(database);
            var pending = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Pending);
            if (pending == 0 && Stopwatch.GetElapsedTime(watch.LastFloodMessageAt) > Quiet) return;
        }
    }

    private static void Report(FloodWatch watch, List<(long From, long To)> windows, List<long> players)
    {
        var all = watch.ControlLatencies();
        static bool In((long From, long To) w, long at) => at >= w.From && at <= w.To;
        var cold = all.Where(l => In(windows[0], l.PostedAt)).Select(l => l.Ms).Order().ToArray();
        var during = all.Where(l => windows.Skip(1).Any(w => In(w, l.PostedAt))).Select(l => l.Ms).Order().ToArray();
        var quiet = all.Where(l => !windows.Any(w => In(w, l.PostedAt))).Select(l => l.Ms).Order().ToArray();
        var counts = players.Select(watch.CountsOf).ToArray();
        Console.WriteLine();
        Console.WriteLine("| control /hilfe (posted → reply at the stub) | count | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Row($"during a flood (rounds 1–{windows.Count - 1})", during));
        Console.WriteLine(Row("during the first flood after the start (round 0)", cold));
        Console.WriteLine(Row("outside the floods", quiet));
        Console.WriteLine(Row("webhook round trip, all", [.. Webhook.Order()]));
        Console.WriteLine();
        var slowest = all.OrderByDescending(l => l.Ms).Take(5)
            .Select(l => (l.Ms, Into: windows.Where(w => l.PostedAt >= w.From).Select(w => Stopwatch.GetElapsedTime(w.From, l.PostedAt).TotalSeconds).DefaultIfEmpty(-1).Min()));
        Console.WriteLine("Slowest control replies (ms, posted s after its flood began): " + string.Join(", ", slowest.Select(s => Invariant($"{s.Ms:F0} @ {s.Into:F1}"))));
        Console.WriteLine(Invariant(
            $"Flooders ({players.Count}): replies max {counts.Max(c => c.Replies)}, mean {counts.Average(c => c.Replies):F2}; notices max {counts.Max(c => c.Notices)}, mean {counts.Average(c => c.Notices):F2}"));
        Console.WriteLine(Invariant(
            $"Stub: {watch.Messages} messages, {watch.TooManyRequests} answered 429 (over Telegram's limits); control commands without a reply: {watch.ControlUnanswered()}, slow-down notices to the control player: {watch.ControlNotices}"));
    }

    private static string Row(string name, double[] sorted) => sorted.Length == 0
        ? $"| {name} | 0 | – | – | – |"
        : Invariant($"| {name} | {sorted.Length} | {P(sorted, 50):F0} | {P(sorted, 95):F0} | {sorted[^1]:F0} |");

    private static double P(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
