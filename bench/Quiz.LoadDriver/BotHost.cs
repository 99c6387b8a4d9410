using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quiz.Bot.RateLimiting;
using Quiz.ServiceDefaults;

namespace Quiz.LoadDriver;

/// <summary>
/// The real bot (its own Program, Kestrel on loopback, real PostgreSQL and Redis) in webhook mode.
/// Only the send limiter is replaced (and the per-player inbound budgets raised): in production Telegram's ≈30 messages/s bound the replies,
/// and this benchmark measures how many updates the pipeline itself accepts. With
/// <paramref name="sendBudget"/> the bot keeps its real Redis limiter (the payments scenario, which
/// measures what the budget does to payments).
/// </summary>
internal sealed class BotHost(string database, string redis, Uri telegram, bool sendBudget = false, int port = 0, string token = BotHost.Token) : WebApplicationFactory<Program>
{
    public const string Secret = "bench-webhook-secret-0123456789";
    public const string Token = "123456:bench-token";

    /// <summary>Starts the bot and waits until it reports ready (<c>/ready</c>, after its warm-up), as a load balancer would.</summary>
    public async Task<Uri> StartAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var started = Stopwatch.GetTimestamp();
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };
        while ((await http.GetAsync(Quiz.ServiceDefaults.Extensions.ReadyPath)).StatusCode != HttpStatusCode.OK)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(2)) throw new TimeoutException("The bot did not report ready within 2 minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Console.WriteLine($"Bot ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (start and warm-up).");
        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("Quiz.Bot", "Quiz.Aspire.sln");
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings(database, redis, telegram, sendBudget, port, token)) builder.UseSetting(key, value);
        builder.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            // With the real budget every deferred reply logs a warning; the report counts the outbox rows instead.
            if (sendBudget) l.AddFilter("Quiz.Bot.Replies.BotReplies", LogLevel.Error);
        });
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TagUpdates>());
        if (sendBudget) return;
        builder.ConfigureTestServices(s => s.AddSingleton<ITelegramRateLimiter, Unlimited>());
    }

    /// <summary>The bot's settings for a run, in this process (<see cref="BotHost"/>) or its own (<see cref="BotProcess"/>).</summary>
    public static Dictionary<string, string> Settings(string database, string redis, Uri telegram, bool sendBudget, int port, string token)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:quizdb"] = database,
            ["ConnectionStrings:cache"] = redis,
            ["Telegram:BotToken"] = token,
            ["Telegram:ApiBaseUrl"] = telegram.ToString(),
            // With a port, a real Telegram (the sandbox) delivers to it; without, the driver posts to the webhook itself.
            ["Telegram:WebhookUrl"] = port == 0 ? "http://127.0.0.1/telegram/webhook" : $"http://127.0.0.1:{port}/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Game:SetSecret"] = "bench-question-set-secret-0123456789abcdef",
            // The driver's players tap 0 ms after the question arrives, which the anti-cheat rightly flags from the third answer of
            // each game on (+3 SQL commands per answer for the flag's evidence and upsert): the benchmark measures honest players.
            ["AntiCheat:FastAnswersPerGame"] = "100",
            // Production's sample of traces (deploy/compose.yaml); Telemetry__TraceSampleRatio in the driver's environment overrides it.
            [TraceSampling.Setting] = Environment.GetEnvironmentVariable("Telemetry__TraceSampleRatio") ?? "0.1",
        };
        if (sendBudget) return settings;
        // The clients here have no think time and play game after game as one player: a person's inbound budget
        // (12 presses, then one a second) would cut their games short with "Bitte etwas langsamer".
        foreach (var kind in new[] { "Commands", "Buttons" })
        {
            settings[$"Bot:Inbound:{kind}:Burst"] = "1000";
            settings[$"Bot:Inbound:{kind}:RefillSeconds"] = "0.1";
            settings[$"Bot:Inbound:{kind}:CooldownSeconds"] = "0";
        }
        return settings;
    }

    /// <summary>Puts the driver's tag of a webhook request into the flow that handles it, for <see cref="SqlCommandCounter"/>.</summary>
    private sealed class TagUpdates : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, handle) =>
            {
                SqlCommandCounter.Tag.Value = context.Request.Headers[SqlCommandCounter.TagHeader].FirstOrDefault();
                await handle(context);
            });
            next(app);
        };
    }

    private sealed class Unlimited : ITelegramRateLimiter
    {
        public ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
