using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Outbox;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;
using Telegram.Bot.Exceptions;

namespace Quiz.Bot.Tests;

/// <summary>The bot's side of a refund command: refundStarPayment, then the completion — CHARGE_ALREADY_REFUNDED counts as done.</summary>
public sealed class RefundCommandTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private async Task<(Guid Purchase, ClaimedOutboxMessage Command)> RefundRequestedAsync()
    {
        var telegram = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Rita", null, "de"));
        await using var scope = Core.Scope();
        var db = scope.Db;
        var invoice = (await scope.Get<Shop>().InitPurchaseAsync(player.Id, "spiele-10"))!;
        var paid = await scope.Get<PurchaseConfirmation>().ConfirmAsync(
            new PaymentReceived(telegram, invoice.Payload, Package.Currency, invoice.PriceStars, $"charge-{Guid.NewGuid():N}"));
        var purchase = paid.PurchaseId!.Value;
        Assert.Equal(RefundOutcome.Requested, await scope.Get<Refunds>().RequestAsync(purchase, "Versehen", "Anna Admin"));
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == $"refund:{purchase:N}");
        Assert.Equal(OutboxKinds.RefundStarPayment, row.Kind);
        return (purchase, new ClaimedOutboxMessage(row.Id, row.Kind, row.ChatId, row.Payload, row.Attempts));
    }

    private OutboxExecutor Executor(Exception? failure) => new(new FakeTelegram(failure), new NoLimit(), Core.Get<IServiceScopeFactory>());

    private async Task<(PurchaseStatus Status, int Games)> StateAsync(Guid purchase)
    {
        await using var db = Database.CreateContext();
        var row = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase);
        return (row.Status, await Wallet.UsesAsync(db, row.PlayerId, AssetKind.GameCredit, default));
    }

    [Fact]
    public async Task Charge_already_refunded_at_Telegram_completes_the_refund_and_revokes_what_is_left()
    {
        var (purchase, command) = await RefundRequestedAsync();

        await Executor(FakeTelegram.Error(400, "Bad Request: CHARGE_ALREADY_REFUNDED")).ExecuteAsync(command, CancellationToken.None);

        Assert.Equal((PurchaseStatus.Refunded, 0), await StateAsync(purchase));
    }

    [Fact]
    public async Task Another_refusal_reaches_the_dispatcher_and_changes_nothing()
    {
        var (purchase, command) = await RefundRequestedAsync();

        await Assert.ThrowsAsync<ApiRequestException>(() =>
            Executor(FakeTelegram.Error(400, "Bad Request: CHARGE_NOT_FOUND")).ExecuteAsync(command, CancellationToken.None));

        Assert.Equal((PurchaseStatus.RefundRequested, 10), await StateAsync(purchase));
    }
}
