using System.Net;
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
/// bot's pipeline and not Telegram. Answers have the wire shape Telegram.Bot expects.
/// </summary>
internal sealed class TelegramStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private long messageId;

    private TelegramStub(WebApplication app) => this.app = app;

    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<TelegramStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new TelegramStub(app);
        app.MapPost("/bot{token}/{method}", (string method, HttpContext context) => stub.Answer(method, context));
        await app.StartAsync();
        return stub;
    }

    private IResult Answer(string method, HttpContext context)
    {
        var json = method.ToLowerInvariant() switch
        {
            "sendmessage" => $$$"""{"ok":true,"result":{"message_id":{{{Interlocked.Increment(ref messageId)}}},"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"chat":{"id":1,"type":"private","first_name":"x"},"text":"ok"}}""",
            _ => """{"ok":true,"result":true}""",
        };
        return Results.Text(json, "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
