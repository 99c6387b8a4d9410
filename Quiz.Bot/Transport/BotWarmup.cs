using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Bot.Handlers;
using Quiz.Bot.Inbound;
using Quiz.Bot.Replies;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Transport;

/// <summary>Configuration section <c>Bot:Warmup</c>.</summary>
public sealed class WarmupOptions
{
    public const string Section = "Bot:Warmup";

    /// <summary>Off only where start-up time matters more than the first minute's latency (some tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The warm-up never holds readiness longer than this; what is left stays cold.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Database connections opened at once, so a burst does not wait for the pool to grow one login at a time.</summary>
    [Range(0, 100)]
    public int Connections { get; set; } = 16;
}

/// <summary>
/// Before the bot reports ready and registers its webhook (issue #12 gap A): the first flood after a start hit code the
/// JIT had not compiled yet and a pool with one connection, and a player's reply waited 1.5 s for the CPU. The warm-up
/// compiles the bot's and Core's code ahead, runs the JSON of updates and Bot API requests, resolves the handlers, opens
/// the pool and runs the hot path's queries and an outbox insert in a transaction it rolls back, and loads the Redis
/// scripts. It sends nothing to Telegram and writes nothing a player or operator could see; it is bounded by
/// <see cref="WarmupOptions.TimeoutSeconds"/>, and a step that fails is logged and skipped (a cold start is slower,
/// not broken).
/// </summary>
public sealed partial class BotWarmup(
    IServiceScopeFactory scopes,
    IDbContextFactory<QuizDbContext> contexts,
    InboundLimiter inbound,
    IOptions<WarmupOptions> options,
    TimeProvider time,
    ILogger<BotWarmup> logger)
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up finished, ran out of time or is switched off.</summary>
    public Task Completed => done.Task;

    /// <summary>What ran, for the log and the tests.</summary>
    public IReadOnlyList<string> Steps => steps;

    private readonly List<string> steps = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            done.TrySetResult();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            await StepAsync("json", _ => { Json(); return Task.CompletedTask; }, bounded.Token);
            await StepAsync("services", _ => { Services(); return Task.CompletedTask; }, bounded.Token);
            await StepAsync("database", ct => DatabaseAsync(o.Connections, ct), bounded.Token);
            await StepAsync("redis", ct => inbound.WarmAsync(ct).AsTask(), bounded.Token);
            await StepAsync("jit", ct => Task.Run(() => Compile(ct), ct), bounded.Token);
        }
        finally
        {
            LogDone(Stopwatch.GetElapsedTime(started).TotalMilliseconds, string.Join(", ", steps));
            done.TrySetResult();
        }
    }

    private async Task StepAsync(string name, Func<CancellationToken, Task> step, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return;
        try
        {
            await step(ct);
            steps.Add(name);
        }
        catch (Exception ex)
        {
            LogStepFailed(name, ex.GetType().Name);
        }
    }

    /// <summary>System.Text.Json builds its contracts for Telegram's types on first use: updates of every kind the bot takes, and its requests.</summary>
    private static void Json()
    {
        foreach (var json in WarmupSamples.Updates)
        {
            var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
            _ = UpdateRouter.ChatOf(update!);
            _ = InboundKinds.Of(update!);
        }
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("A", "a:1"), InlineKeyboardButton.WithUrl("B", "https://t.me/x")]]);
        object[] requests =
        [
            new SendMessageRequest { ChatId = 1, Text = "x", ReplyMarkup = keyboard },
            new EditMessageTextRequest { ChatId = 1, MessageId = 1, Text = "x", ReplyMarkup = keyboard },
            new AnswerCallbackQueryRequest { CallbackQueryId = "1", Text = "x" },
            new AnswerPreCheckoutQueryRequest { PreCheckoutQueryId = "1", Ok = true },
        ];
        foreach (var request in requests) _ = JsonSerializer.Serialize(request, request.GetType(), JsonBotAPI.Options);
        _ = OutboxWriter.ReadPayload<SendMessagePayload>(JsonSerializer.Serialize(new SendMessagePayload("x", [[new MessageButton("A", "a:1")]]), OutboxWriter.PayloadJson));
    }

    /// <summary>The handler graph of an update, twice: the container compiles a service's construction after its first use.</summary>
    private void Services()
    {
        for (var i = 0; i < 2; i++)
        {
            using var scope = scopes.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<IUpdateHandler>();
            _ = scope.ServiceProvider.GetRequiredService<BotReplies>();
        }
    }

    /// <summary>Opens the pool, then runs the hot path's queries and an outbox insert in a transaction that is rolled back.</summary>
    private async Task DatabaseAsync(int connections, CancellationToken ct)
    {
        var opened = new List<QuizDbContext>();
        try
        {
            for (var i = 0; i < connections; i++) opened.Add(await contexts.CreateDbContextAsync(ct));
            await Task.WhenAll(opened.Select(db => db.Database.ExecuteSqlRawAsync("SELECT 1", ct)));
        }
        finally
        {
            foreach (var db in opened) await db.DisposeAsync();
        }
        await using var scope = scopes.CreateAsyncScope();
        _ = await scope.ServiceProvider.GetRequiredService<ChatBacklog>().HasBacklogAsync(0, ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await context.Database.BeginTransactionAsync(ct);
        _ = await context.Players.AsNoTracking().AnyAsync(p => p.Id == 0, ct);
        OutboxWriter.EnqueueMessage(context, 0, new SendMessagePayload("warm-up"), time.GetUtcNow());
        await context.SaveChangesAsync(ct);
        await transaction.RollbackAsync(ct);
    }

    /// <summary>
    /// Compiles every method of the bot and Core before the first update needs it (rejections, notices, the outbox and
    /// the game paths a quiet start never runs). Generic code is left to the first call.
    /// </summary>
    private static void Compile(CancellationToken ct)
    {
        foreach (var assembly in new[] { typeof(BotWarmup).Assembly, typeof(QuizDbContext).Assembly })
        {
            foreach (var type in assembly.GetTypes())
            {
                // EF's migrations and model snapshot are huge methods only the migrator runs.
                if (type.ContainsGenericParameters || type.Namespace == MigrationsNamespace) continue;
                ct.ThrowIfCancellationRequested();
                foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
                {
                    if (method.IsAbstract || method.ContainsGenericParameters) continue;
                    try
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                    catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or MissingMethodException or TypeLoadException or InvalidOperationException)
                    {
                        // Extern, runtime-provided or otherwise not compilable ahead: left to the first call.
                    }
                }
            }
        }
    }

    private static readonly string MigrationsNamespace = typeof(QuizDbContext).Namespace + ".Migrations";

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [LoggerMessage(LogLevel.Information, "Warm-up finished in {Ms:F0} ms: {Steps}")]
    private partial void LogDone(double ms, string steps);

    [LoggerMessage(LogLevel.Warning, "Warm-up step {Step} failed ({Error}); it stays cold")]
    private partial void LogStepFailed(string step, string error);
}
