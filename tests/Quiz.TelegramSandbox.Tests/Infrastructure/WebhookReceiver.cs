using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

public sealed record ReceivedUpdate(JsonObject Update, string? Secret, DateTime Started, DateTime Finished, int Status)
{
    public int UpdateId => Update["update_id"]!.GetValue<int>();

    public long ChatId => (Update["message"]?["chat"]?["id"] ?? Update["callback_query"]?["from"]?["id"])!.GetValue<long>();
}

/// <summary>A stand-in bot webhook on 127.0.0.1: records every POST and answers as the test decides.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedUpdate> _received = new();
    private int _inFlight;
    private int _maxInFlight;

    private WebhookReceiver(Func<JsonObject, int, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        var attempts = new ConcurrentDictionary<int, int>();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            var started = DateTime.UtcNow;
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            var update = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var attempt = attempts.AddOrUpdate(update["update_id"]!.GetValue<int>(), 1, (_, n) => n + 1);
            var status = await respond(update, attempt);
            Interlocked.Decrement(ref _inFlight);
            _received.Enqueue(new ReceivedUpdate(update, context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(), started, DateTime.UtcNow, status));
            return Results.StatusCode(status);
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedUpdate> Received => [.. _received];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Starts a receiver; <paramref name="respond"/> gets the update and its attempt number and returns the status.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<JsonObject, int, Task<int>>? respond = null)
    {
        var receiver = new WebhookReceiver(respond ?? ((_, _) => Task.FromResult(200)));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits (real time, bounded) until the receiver saw at least <paramref name="count"/> requests.</summary>
    public async Task<IReadOnlyList<ReceivedUpdate>> WaitForAsync(int count, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (_received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.True(_received.Count >= count, $"expected {count} webhook requests, got {_received.Count}");
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
