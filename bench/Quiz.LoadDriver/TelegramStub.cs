using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Quiz.LoadDriver;

/// <summary>
/// A minimal Bot API on loopback that accepts every call at once, so the benchmark measures the
/// bot's pipeline and not Telegram. Answers have the wire shape Telegram.Bot expects. With an
/// <see cref="Inbox"/> it also reads the request bodies, so players can see their questions;
/// without one it does not touch them (the updates scenario pays nothing for that). With a
/// <see cref="Payments"/> watch it reads only the invoice and pre-checkout calls.
/// </summary>
internal sealed class TelegramStub : IAsyncDisposable
{
    private const string True = """{"ok":true,"result":true}""";
    private const string Me = """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"Quiz","username":"QuizBenchBot"}}""";
    private readonly WebApplication app;
    private long messageId;

    private TelegramStub(WebApplication app, QuestionInbox? inbox, PaymentWatch? payments, FloodWatch? flood, LanesWatch? lanes)
    {
        Lanes = lanes;
        this.app = app;
        Inbox = inbox;
        Payments = payments;
        Flood = flood;
    }

    public QuestionInbox? Inbox { get; }

    public PaymentWatch? Payments { get; }

    /// <summary>The flood scenario's watch: Telegram's send limits (429) and counts per chat.</summary>
    public FloodWatch? Flood { get; }

    /// <summary>The lanes scenario's watch: Telegram's send limits (429), the players' replies timed, bulk notices counted.</summary>
    public LanesWatch? Lanes { get; }

    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<TelegramStub> StartAsync(bool readQuestions, bool watchPayments = false, FloodWatch? flood = null, LanesWatch? lanes = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new TelegramStub(app, readQuestions ? new QuestionInbox() : null, watchPayments ? new PaymentWatch() : null, flood, lanes);
        app.MapPost("/bot{token}/{method}", (string method, HttpContext context) => stub.ReplyAsync(method.ToLowerInvariant(), context));
        await app.StartAsync();
        return stub;
    }

    private async Task<IResult> ReplyAsync(string method, HttpContext context)
    {
        if (Flood is { } flood && FloodWatch.Reads(method))
        {
            using var call = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (flood.Observe(method, call.RootElement) is { } refusal) return Results.Text(refusal, "application/json", statusCode: 429);
            var sent = method == "sendmessage" ? Interlocked.Increment(ref messageId) : call.RootElement.GetProperty("message_id").GetInt64();
            return Json(Reply(method, sent, QuestionInbox.ChatId(call.RootElement) ?? 1));
        }
        if (Lanes is { } lanes && LanesWatch.Reads(method))
        {
            using var call = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (lanes.Observe(method, call.RootElement) is { } refusal) return Results.Text(refusal, "application/json", statusCode: 429);
            var sent = method == "sendmessage" ? Interlocked.Increment(ref messageId) : call.RootElement.GetProperty("message_id").GetInt64();
            return Json(Reply(method, sent, QuestionInbox.ChatId(call.RootElement) ?? 1));
        }
        if (Payments is { } payments)
        {
            payments.Count(method);
            if (PaymentWatch.Reads(method))
            {
                using var call = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                payments.Observe(method, call.RootElement);
                return Json(Reply(method, Interlocked.Increment(ref messageId), QuestionInbox.ChatId(call.RootElement) ?? 1));
            }
        }

        if (Inbox is null)
        {
            return Json(Reply(method, method == "sendmessage" ? Interlocked.Increment(ref messageId) : 0, 1));
        }

        // Calls without parameters (getMe, deleteWebhook, …) come without a body.
        using var body = context.Request.HasJsonContentType()
            ? await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
            : JsonDocument.Parse("{}");
        var id = method switch
        {
            "sendmessage" => Interlocked.Increment(ref messageId),
            "editmessagetext" when body.RootElement.TryGetProperty("message_id", out var edited) => edited.GetInt64(),
            _ => 0,
        };
        Inbox.Observe(method, body.RootElement, id);
        return Json(Reply(method, id, QuestionInbox.ChatId(body.RootElement) ?? 1));
    }

    /// <summary>Telegram.Bot expects the message back from a send and from an edit; "true" there would be a failure.</summary>
    private static string Reply(string method, long messageId, long chat) => method switch
    {
        "sendmessage" or "editmessagetext" or "sendinvoice" => Message(messageId, chat),
        "getme" => Me,
        _ => True,
    };

    private static IResult Json(string json) => Results.Text(json, "application/json");

    private static string Message(long id, long chat) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"ok":true,"result":{"message_id":{{{id}}},"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"chat":{"id":{{{chat}}},"type":"private","first_name":"x"},"text":"ok"}}""");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
