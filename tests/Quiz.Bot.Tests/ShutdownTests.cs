using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quiz.Bot.Handlers;
using Quiz.Bot.Transport;
using Quiz.Core.Players;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>A handler that waits at a gate, then does its work under the token it was given.</summary>
public sealed class GatedHandlerFactory : WebhookFactory
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the host's shutdown open as Kestrel does while requests are in flight (the test server does not).</summary>
    public TaskCompletionSource Drained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IUpdateHandler>(sp => new GatedHandler(this, sp.GetRequiredService<PlayerDirectory>()));
        services.AddHostedService(_ => new Drain(this));
    }

    private sealed class Drain(GatedHandlerFactory factory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => factory.Drained.Task.WaitAsync(cancellationToken);
    }

    private sealed class GatedHandler(GatedHandlerFactory factory, PlayerDirectory players) : IUpdateHandler
    {
        public async Task RouteAsync(Update update, CancellationToken ct)
        {
            factory.Entered.TrySetResult();
            await factory.Gate.Task;
            ct.ThrowIfCancellationRequested();
            await players.TouchAsync(new PlayerIdentity(update.Message!.From!.Id, "Greta", null, "de"), ct);
        }
    }
}

public sealed class ShutdownTests(GatedHandlerFactory factory) : IClassFixture<GatedHandlerFactory>
{
    [Fact]
    public async Task An_update_in_hand_when_the_shutdown_begins_is_finished_not_cut_off()
    {
        const long chat = 8_800_001;
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path)
        {
            Content = new StringContent(
                $$$"""{"update_id":9901,"message":{"message_id":1,"date":1764240000,"chat":{"id":{{{chat}}},"type":"private","first_name":"Greta"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"Greta"},"text":"/start"}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookEndpoint.SecretHeader, WebhookFactory.Secret);
        var posting = http.SendAsync(request);
        await factory.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        factory.Gate.SetResult();

        using var response = await posting;
        factory.Drained.SetResult();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.Database.CreateContext();
        Assert.NotNull((await db.ProcessedUpdates.SingleAsync(u => u.UpdateId == 9901)).CompletedAt);
        Assert.True(await db.Players.AnyAsync(p => p.TelegramUserId == chat));
    }

    [Theory]
    [InlineData(30, 27)]
    [InlineData(5, 4)]
    [InlineData(120, 115)]
    [InlineData(1, 0)]
    public void Handlers_may_run_for_the_shutdown_timeout_less_a_tenth_within_one_and_five_seconds(int timeoutSeconds, int graceSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(graceSeconds), HandlingDeadline.GraceWithin(TimeSpan.FromSeconds(timeoutSeconds)));
}
