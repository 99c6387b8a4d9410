using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Quiz.Bot.Handlers;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Transport;
using Quiz.Core;
using Quiz.Core.Economy;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Tests;

/// <summary>
/// The business counters through the bot's own pipeline: a delivery cut off after its commit and redelivered (resumed, then
/// a duplicate) counts its game or purchase once; a payment Core cannot record counts as a failed confirmation.
/// </summary>
public sealed class BotMetricsTests(BotHost host) : IClassFixture<BotHost>
{
    private static int nextUpdate = Random.Shared.Next(3_000_000, 4_000_000);

    private MetricCollector<long> Collect(string meter, string instrument) => new(host.Services.GetRequiredService<IMeterFactory>(), meter, instrument);

    private static long Sum(MetricCollector<long> collector, string key, string value) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags[key]?.ToString(), value)).Sum(m => m.Value);

    private async Task CutOffThenRedeliverAsync(Update update)
    {
        Assert.Equal(UpdateOutcome.RetryLater, await host.DeliverAsync(update, host.Trap.Arm()));
        Assert.Equal(UpdateOutcome.Resumed, await host.DeliverAsync(update));
        Assert.Equal(UpdateOutcome.Duplicate, await host.DeliverAsync(update));
    }

    [Fact]
    public async Task A_game_start_cut_off_after_its_commit_and_redelivered_counts_one_game()
    {
        using var started = Collect(CoreMetrics.MeterName, "quiz.games.started");
        var (chat, _) = await host.PlayerAsync("Greta");

        await CutOffThenRedeliverAsync(host.Press(chat, GameButtons.Quick, Interlocked.Increment(ref nextUpdate)));

        Assert.Equal(1, Sum(started, "mode", "quick"));
    }

    [Fact]
    public async Task A_payment_cut_off_after_its_commit_and_redelivered_counts_one_purchase_and_its_stars_once()
    {
        using var purchases = Collect(CoreMetrics.MeterName, "quiz.purchases");
        using var stars = Collect(CoreMetrics.MeterName, "quiz.purchases.stars");
        var (chat, player) = await host.PlayerAsync("Pia");
        InvoiceDraft invoice;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            invoice = (await scope.ServiceProvider.GetRequiredService<Shop>().InitPurchaseAsync(player, "spiele-10"))!;
        }

        await CutOffThenRedeliverAsync(Paid(chat, invoice.Payload, invoice.PriceStars));

        Assert.Equal(1, Sum(purchases, "outcome", "granted"));
        Assert.Equal(invoice.PriceStars, Sum(stars, "kind", "package"));
    }

    [Fact]
    public async Task A_successful_payment_core_cannot_record_counts_one_failed_confirmation()
    {
        using var failed = Collect(BotMetrics.MeterName, "quiz.bot.payments.failed");
        var stranger = Random.Shared.NextInt64(10_000_000, 20_000_000);

        Assert.Equal(UpdateOutcome.Handled, await host.DeliverAsync(Paid(stranger, "unknown-payload", 50)));

        Assert.Equal(1, Sum(failed, "stage", PaymentStages.Confirmation));
        Assert.Equal(0, Sum(failed, "stage", PaymentStages.PreCheckout));
    }

    private static Update Paid(long chat, string payload, int stars) => new()
    {
        Id = Interlocked.Increment(ref nextUpdate),
        Message = new Message
        {
            Id = 7, Date = DateTime.UtcNow, Chat = new Chat { Id = chat, Type = ChatType.Private }, From = new User { Id = chat, FirstName = "Pia" },
            SuccessfulPayment = new SuccessfulPayment { Currency = "XTR", TotalAmount = stars, InvoicePayload = payload, TelegramPaymentChargeId = $"charge-{Guid.NewGuid():N}" },
        },
    };
}
