using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Handlers;
using Quiz.Bot.Transport;
using Quiz.Core.Messaging;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>A handler that fails like a bug would.</summary>
public sealed class BuggyHandlerFactory : WebhookFactory
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IUpdateHandler, ThrowingHandler>();

    private sealed class ThrowingHandler : IUpdateHandler
    {
        public Task RouteAsync(Update update, CancellationToken ct) => throw new InvalidOperationException("Fehler im Handler");
    }
}

/// <summary>The bot with its database unreachable.</summary>
public sealed class DatabaseDownFactory : WebhookFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        DatabaseConnection = "Host=127.0.0.1;Port=1;Database=quiz;Username=quiz;Password=quiz;Timeout=2";
        base.ConfigureWebHost(builder);
    }
}

public sealed class WebhookFailureTests(BuggyHandlerFactory buggy, DatabaseDownFactory down)
    : IClassFixture<BuggyHandlerFactory>, IClassFixture<DatabaseDownFactory>
{
    private static string Update(long updateId, long chatId) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":1,"date":1764240000,"chat":{"id":{{{chatId}}},"type":"private","first_name":"Eve"},"from":{"id":{{{chatId}}},"is_bot":false,"first_name":"Eve"},"text":"/start"}}""";

    private static async Task<HttpStatusCode> PostAsync(WebhookFactory factory, string body)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookEndpoint.SecretHeader, WebhookFactory.Secret);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Handler_bug_is_acknowledged_with_an_apology_and_never_redelivered()
    {
        var status = await PostAsync(buggy, Update(7001, 8001));

        Assert.Equal(HttpStatusCode.OK, status);
        await using var db = buggy.Database.CreateContext();
        Assert.NotNull((await db.ProcessedUpdates.SingleAsync(u => u.UpdateId == 7001)).CompletedAt);
        // Telegram is unreachable in this test, so the apology waits in the outbox: never lost.
        var apology = await db.OutboxMessages.SingleAsync(m => m.ChatId == 8001);
        Assert.Contains("Entschuldigung", apology.Payload);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(buggy, Update(7001, 8001)));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ChatId == 8001 && m.State == OutboxState.Pending));
    }

    [Fact]
    public async Task Database_down_answers_503_so_telegram_delivers_again()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostAsync(down, Update(7002, 8002)));
    }
}
