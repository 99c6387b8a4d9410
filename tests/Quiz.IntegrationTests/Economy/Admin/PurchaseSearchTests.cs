using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy.Admin;

public sealed class PurchaseSearchTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private PurchaseSearch Search() => Core.Get<PurchaseSearch>();

    private async Task<(long PlayerId, long TelegramUserId)> PlayerAsync(string firstName, string? username)
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, firstName, username, "de"));
        return (player.Id, telegram);
    }

    private async Task<(Guid Purchase, string Charge)> BuyAsync(long player, long telegram, string package, string? charge = null, long? amount = null)
    {
        var invoice = await Kit.InvoiceAsync(player, package);
        var payment = EconomyKit.Payment(telegram, invoice, charge);
        if (amount is { } paid) payment = payment with { TotalAmount = paid };
        Time.Advance(TimeSpan.FromMinutes(1));
        return ((await Kit.ConfirmAsync(payment)).PurchaseId!.Value, payment.TelegramPaymentChargeId);
    }

    [Fact]
    public async Task Search_finds_purchases_by_telegram_id_name_username_or_charge_and_filters_flagged_ones()
    {
        var (berta, bertaTelegram) = await PlayerAsync("Berta", "berta_100");
        var (carl, carlTelegram) = await PlayerAsync("Carl", null);
        var (games, _) = await BuyAsync(berta, bertaTelegram, "spiele-10");
        var (flagged, _) = await BuyAsync(berta, bertaTelegram, "joker-5", amount: 1);
        var (lives, livesCharge) = await BuyAsync(carl, carlTelegram, "extra-leben-3", charge: $"stxUnique%_{Guid.NewGuid():N}");
        var search = Search();

        async Task<Guid[]> Ids(PurchaseFilter filter) => [.. (await search.SearchAsync(filter)).Items.Select(r => r.Id)];

        Assert.Equal([flagged, games], await Ids(new PurchaseFilter(Search: bertaTelegram.ToString())));
        Assert.Equal([flagged, games], await Ids(new PurchaseFilter(Search: "@BERTA_1")));
        Assert.Equal([lives], await Ids(new PurchaseFilter(Search: "carl")));
        Assert.Equal([lives], await Ids(new PurchaseFilter(Search: livesCharge)));
        Assert.Equal([lives], await Ids(new PurchaseFilter(Search: "unique%_")));
        Assert.Equal([flagged], await Ids(new PurchaseFilter(Search: "berta", Status: PurchaseStatus.Flagged)));
        Assert.Contains(flagged, await Ids(new PurchaseFilter(Status: PurchaseStatus.Flagged)));
        Assert.DoesNotContain(games, await Ids(new PurchaseFilter(Status: PurchaseStatus.Flagged)));
        var page = await search.SearchAsync(new PurchaseFilter(Search: bertaTelegram.ToString(), PageSize: 1));
        Assert.Equal((2, 1), (page.Total, page.Items.Count));
        var first = page.Items[0];
        Assert.Equal(("Berta", "berta_100", "joker-5", "5 Joker 50:50", PurchaseStatus.Flagged, 1),
            (first.FirstName, first.Username, first.PackageId, first.PackageTitle, first.Status, first.AmountStars));
        Assert.NotNull(first.FlagReason);
    }

    [Fact]
    public async Task Detail_shows_the_ledger_rows_and_the_refund_from_request_through_the_outbox_to_refunded()
    {
        var (player, telegram) = await PlayerAsync("Dora", "dora");
        var (purchase, charge) = await BuyAsync(player, telegram, "spiele-10");
        var search = Search();

        var before = (await search.GetAsync(purchase))!;
        Assert.Equal(RefundStage.None, before.Refund.Stage);
        var grant = Assert.Single(before.Ledger);
        Assert.Equal((AssetKind.GameCredit, 10, LedgerReason.Purchase), (grant.Kind, grant.Delta, grant.Reason));

        Assert.Equal(RefundRequestOutcome.InvalidReason, await search.RequestRefundAsync(purchase, "   ", "Anna Admin"));
        Assert.Equal(RefundRequestOutcome.InvalidReason, await search.RequestRefundAsync(purchase, new string('x', 501), "Anna Admin"));
        Assert.Equal(RefundStage.None, (await search.GetAsync(purchase))!.Refund.Stage);

        Assert.Equal(RefundRequestOutcome.Requested, await search.RequestRefundAsync(purchase, " Doppelt gekauft ", "Anna Admin"));
        Assert.Equal(RefundRequestOutcome.AlreadyRequested, await search.RequestRefundAsync(purchase, "nochmal", "Bernd Admin"));
        var requested = (await search.GetAsync(purchase))!;
        Assert.Equal((RefundStage.Pending, "Doppelt gekauft", "Anna Admin", Time.GetUtcNow(), OutboxState.Pending),
            (requested.Refund.Stage, requested.Refund.Reason, requested.Refund.RequestedBy, requested.Refund.RequestedAt!.Value, requested.Refund.CommandState!.Value));
        Assert.Equal(PurchaseStatus.RefundRequested, requested.Purchase.Status);

        await SetCommandAsync(purchase, OutboxState.Pending, attempts: 2, error: "429 Too Many Requests");
        var retrying = (await search.GetAsync(purchase))!.Refund;
        Assert.Equal((RefundStage.Pending, 2, "429 Too Many Requests"), (retrying.Stage, retrying.Attempts, retrying.LastError));
        await SetCommandAsync(purchase, OutboxState.Dead, attempts: 3, error: "Bad Request: CHARGE_NOT_FOUND");
        Assert.Equal((RefundStage.Failed, "Bad Request: CHARGE_NOT_FOUND"), ((await search.GetAsync(purchase))!.Refund.Stage, (await search.GetAsync(purchase))!.Refund.LastError));
        await SetCommandAsync(purchase, OutboxState.Sent, attempts: 4, error: null);
        Assert.Equal(RefundStage.Sent, (await search.GetAsync(purchase))!.Refund.Stage);

        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(RefundOutcome.Completed, await Kit.CompleteRefundAsync(charge));
        var done = (await search.GetAsync(purchase))!;
        Assert.Equal((RefundStage.Refunded, Time.GetUtcNow()), (done.Refund.Stage, done.Refund.RefundedAt!.Value));
        Assert.Equal([(10, LedgerReason.Purchase), (-10, LedgerReason.Refund)], done.Ledger.Select(l => (l.Delta, l.Reason)));
        Assert.Equal(RefundRequestOutcome.AlreadyRefunded, await search.RequestRefundAsync(purchase, "nochmal", "Anna Admin"));
        Assert.Null(await search.GetAsync(Guid.NewGuid()));
        Assert.Equal(RefundRequestOutcome.NotFound, await search.RequestRefundAsync(Guid.NewGuid(), "Grund", "Anna Admin"));
    }

    [Fact]
    public async Task A_flagged_payment_can_be_refunded_and_has_no_ledger_rows()
    {
        var (player, telegram) = await PlayerAsync("Emil", null);
        var (purchase, _) = await BuyAsync(player, telegram, "turnier-ticket", amount: 3);

        var detail = (await Search().GetAsync(purchase))!;
        Assert.Equal(PurchaseStatus.Flagged, detail.Purchase.Status);
        Assert.Empty(detail.Ledger);
        Assert.Equal(RefundRequestOutcome.Requested, await Search().RequestRefundAsync(purchase, "Betrag passt nicht zur Rechnung", "Anna Admin"));
        await using var db = Database.CreateContext();
        var command = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == $"refund:{purchase:N}");
        Assert.Equal(OutboxKinds.RefundStarPayment, command.Kind);
    }

    private async Task SetCommandAsync(Guid purchase, OutboxState state, int attempts, string? error)
    {
        await using var db = Database.CreateContext();
        await db.OutboxMessages.Where(m => m.IdempotencyKey == $"refund:{purchase:N}").ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ProcessedAt, state == OutboxState.Pending ? null : Time.GetUtcNow()));
    }
}
