using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Telegram;
using Quiz.Core.Messaging;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>
/// Paid broadcasting (issue #14 item 4): bulk notices go with <c>allow_paid_broadcast</c> only when the setting is on
/// and today's Stars cap lasts (0.1 Star per message, counted in Redis across replicas); then at the free rate again.
/// Replies and payment notices never pay.
/// </summary>
public sealed class PaidBroadcastTests(PostgresDatabase database) : CoreTests(database)
{
    private async Task<(FakeTelegram Telegram, RedisTelegramRateLimiter Limiter, Sending.TelegramSender Sender)> SenderAsync(TelegramOptions settings)
    {
        var options = Options.Create(settings);
        var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var limiter = new RedisTelegramRateLimiter(redis, new LocalTelegramRateLimiter(options, TimeProvider.System), options, TimeProvider.System,
            new BotMetrics(Core.Get<IMeterFactory>()), NullLogger<RedisTelegramRateLimiter>.Instance) { KeyPrefix = $"test:rl:{Guid.NewGuid():N}" };
        var telegram = new FakeTelegram();
        return (telegram, limiter, BotParts.Sender(Core, telegram, limiter, settings));
    }

    private static async Task SendBulkAsync(Sending.TelegramSender sender, int count, SendLane lane = SendLane.Bulk)
    {
        var first = Random.Shared.NextInt64(1, long.MaxValue / 2);
        for (var i = 0; i < count; i++)
        {
            await sender.SendQueuedAsync(first + i, OutboxKinds.SendMessage, new SendMessagePayload("Das Turnier beginnt!"), lane, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Bulk_notices_pay_until_todays_cap_is_spent_then_go_at_the_free_rate()
    {
        // 1 Star a day: 10 messages at 0.1 Star.
        var (telegram, limiter, sender) = await SenderAsync(new TelegramOptions { AllowPaidBroadcast = true, PaidBroadcastStarsPerDay = 1 });

        await SendBulkAsync(sender, 12);

        Assert.Equal([.. Enumerable.Repeat(true, 10), false, false], telegram.Messages.Select(m => m.AllowPaidBroadcast));
        Assert.Equal(10, await limiter.PaidBroadcastsTodayAsync());
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_paid()
    {
        var (telegram, limiter, sender) = await SenderAsync(new TelegramOptions { PaidBroadcastStarsPerDay = 100 });

        await SendBulkAsync(sender, 3);

        Assert.All(telegram.Messages, m => Assert.False(m.AllowPaidBroadcast));
        Assert.Equal(0, await limiter.PaidBroadcastsTodayAsync());
    }

    [Fact]
    public async Task Replies_and_payment_notices_never_pay()
    {
        var (telegram, limiter, sender) = await SenderAsync(new TelegramOptions { AllowPaidBroadcast = true, PaidBroadcastStarsPerDay = 100 });

        await SendBulkAsync(sender, 2, SendLane.Reply);
        await SendBulkAsync(sender, 2, SendLane.Background);

        Assert.Equal(4, telegram.Messages.Count);
        Assert.All(telegram.Messages, m => Assert.False(m.AllowPaidBroadcast));
        Assert.Equal(0, await limiter.PaidBroadcastsTodayAsync());
    }
}
