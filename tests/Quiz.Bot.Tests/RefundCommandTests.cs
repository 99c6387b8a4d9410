using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Outbox;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>
/// The bot's side of a refund command: refundStarPayment, then the completion — CHARGE_ALREADY_REFUNDED counts as done,
/// another refusal ends the refund failed with Telegram's description (the command is done, not dead), faults are retried.
/// </summary>
public sealed class RefundCommandTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private async Task<(Guid Purchase, ClaimedOutboxMessage Command)> RefundRequestedAsync(bool blocked = false)
    {
        var telegram = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Rita", null, "de"));
        await using var scope = Core.Scope();
        var db = scope.Db;
        var invoice = (await scope.Get<Shop>().InitPurchaseAsync(player.Id, "spiele-10"))!;
        var paid = await scope.Get<PurchaseConfirmation>().ConfirmAsync(
            new PaymentReceived(telegram, invoice.Payload, Package.Currency, invoice.PriceStars, $"charge-{Guid.NewGuid():N}"));
        var purchase = paid.PurchaseId!.Value;
        if (blocked) await Core.Get<PlayerDirectory>().SetBlockedAsync(telegram, blocked: true);
        Assert.Equal(RefundOutcome.Requested, await scope.Get<Refunds>().RequestAsync(purchase, "Versehen", "Anna Admin"));
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == $"refund:{purchase:N}");
        Assert.Equal(OutboxKinds.RefundStarPayment, row.Kind);
        return (purchase, new ClaimedOutboxMessage(row.Id, row.Kind, row.ChatId, row.Payload, row.Attempts));
    }

    private OutboxExecutor Executor(Exception? failure) => BotParts.Executor(Core, new FakeTelegram(failure));

    /// <summary>Claims the command like the dispatcher's loop and runs it through the dispatcher; returns the row afterwards.</summary>
    private async Task<OutboxMessage> DispatchAsync(ClaimedOutboxMessage command, Exception? failure)
    {
        var store = Core.Get<OutboxStore>();
        var claimed = (await store.ClaimAsync(100, TimeSpan.FromMinutes(1))).Single(m => m.Id == command.Id);
        var dispatcher = BotParts.Dispatcher(Core, new FakeTelegram(failure));
        await dispatcher.DispatchAsync(claimed, CancellationToken.None);
        await using var db = Database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == command.Id);
    }

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
    public async Task Another_refusal_ends_the_refund_failed_with_telegrams_description_and_completes_the_command()
    {
        var (purchase, command) = await RefundRequestedAsync();

        var row = await DispatchAsync(command, FakeTelegram.Error(400, "Bad Request: REFUND_PERIOD_EXPIRED"));

        Assert.Equal((OutboxState.Sent, "{\"refund\":\"Failed\"}"), (row.State, row.Result));
        Assert.Equal((PurchaseStatus.RefundFailed, 10), await StateAsync(purchase));
        await using var db = Database.CreateContext();
        var stored = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase);
        Assert.Equal(("Bad Request: REFUND_PERIOD_EXPIRED", Time.GetUtcNow()), (stored.RefundFailure, stored.RefundFailedAt));
        Assert.DoesNotContain(await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Notice).ToListAsync(),
            m => m.IdempotencyKey == $"refund-notice:{purchase:N}");
    }

    [Fact]
    public async Task A_server_error_leaves_the_refund_requested_and_its_command_to_be_retried()
    {
        var (purchase, command) = await RefundRequestedAsync();

        var row = await DispatchAsync(command, FakeTelegram.Error(502, "Bad Gateway"));

        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Equal((PurchaseStatus.RefundRequested, 10), await StateAsync(purchase));
    }

    [Fact]
    public async Task A_refund_for_a_player_who_blocked_the_bot_is_still_executed()
    {
        var (purchase, command) = await RefundRequestedAsync(blocked: true);

        var row = await DispatchAsync(command, failure: null);

        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal((PurchaseStatus.Refunded, 0), await StateAsync(purchase));
    }
}
