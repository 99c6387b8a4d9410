using Microsoft.EntityFrameworkCore;
using Quiz.Core.Messaging;
using Quiz.Core.Operations.Machinery;
using Quiz.Testing;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>
/// The console's webhook question through the outbox: the Betrieb page enqueues get_webhook_info, the bot's dispatcher
/// asks Telegram through the Telegram sender and stores the answer — without the URL's path — where the page reads it.
/// </summary>
public sealed class WebhookInfoCommandTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task The_bot_answers_the_consoles_request_with_telegrams_webhook_info_without_the_secret_path()
    {
        var webhook = Core.Get<WebhookStatus>();
        Assert.True(await webhook.RequestAsync("Anna Admin"));
        var telegram = new FakeTelegram
        {
            WebhookInfo = new WebhookInfo
            {
                Url = "https://quiz.example:8443/telegram/webhook/geheimer-pfad-123",
                PendingUpdateCount = 12,
                LastErrorDate = new DateTime(2026, 12, 6, 11, 30, 0, DateTimeKind.Utc),
                LastErrorMessage = "Wrong response from the webhook: 503 Service Unavailable",
                MaxConnections = 40,
            },
        };

        var claimed = Assert.Single(await Core.Get<OutboxStore>().ClaimAsync(10, TimeSpan.FromMinutes(1)), m => m.Kind == OutboxKinds.GetWebhookInfo);
        Assert.Equal(OutboxLane.Interactive, claimed.Lane);
        await BotParts.Dispatcher(Core, telegram).DispatchAsync(claimed, CancellationToken.None);
        var status = await webhook.ReadAsync();

        Assert.Equal(["getWebhookInfo"], telegram.Methods);
        Assert.False(status.Waiting);
        Assert.Equal(Time.GetUtcNow(), status.FetchedAt);
        Assert.Equal(
            new WebhookInfoSnapshot("https://quiz.example:8443", 12, new DateTimeOffset(2026, 12, 6, 11, 30, 0, TimeSpan.Zero),
                "Wrong response from the webhook: 503 Service Unavailable", 40),
            status.Info);
        await using var db = Database.CreateContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == claimed.Id);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.DoesNotContain("geheimer-pfad", row.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_by_telegram_dead_letters_the_request_and_the_page_says_so()
    {
        var webhook = Core.Get<WebhookStatus>();
        await webhook.RequestAsync("Anna Admin");
        var claimed = Assert.Single(await Core.Get<OutboxStore>().ClaimAsync(10, TimeSpan.FromMinutes(1)), m => m.Kind == OutboxKinds.GetWebhookInfo);

        await BotParts.Dispatcher(Core, new FakeTelegram(FakeTelegram.Error(400, "Bad Request: something"))).DispatchAsync(claimed, CancellationToken.None);
        var status = await webhook.ReadAsync();

        Assert.Equal((false, "Bad Request: something"), (status.Waiting, status.Failed));
        Assert.True(await webhook.RequestAsync("Anna Admin"));
    }
}
