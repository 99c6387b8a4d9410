using Quiz.Core.AntiCheat;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Economy;
using Quiz.IntegrationTests.Game;
using Quiz.IntegrationTests.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Observability;

/// <summary>Purchases, refunds, tournament entrants and finishes, flags and dead letters count once each: a repeat changes nothing, so it counts nothing.</summary>
public sealed class BusinessMetricsTests(PostgresDatabase database) : GameKitTests(database)
{
    private EconomyKit Economy => new(Core);
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task A_payment_delivered_twice_counts_one_purchase_and_its_stars_and_a_refund_confirmed_twice_one_refund()
    {
        using var purchases = new CoreMeter(Core, "quiz.purchases");
        using var stars = new CoreMeter(Core, "quiz.purchases.stars");
        using var refunds = new CoreMeter(Core, "quiz.refunds");
        using var refundStars = new CoreMeter(Core, "quiz.refunds.stars");
        var (player, telegram) = await Economy.NewPlayerAsync();
        var invoice = await Economy.InvoiceAsync(player, "spiele-10");
        var payment = EconomyKit.Payment(telegram, invoice);

        Assert.Equal(ConfirmOutcome.Granted, (await Economy.ConfirmAsync(payment)).Outcome);
        var purchase = await Economy.ConfirmAsync(payment);
        Assert.Equal(ConfirmOutcome.Duplicate, purchase.Outcome);
        Assert.Equal(1, purchases.Sum("kind=package", "outcome=granted"));
        Assert.Equal(invoice.PriceStars, stars.Sum("kind=package"));

        Assert.Equal(RefundOutcome.Requested, await Economy.RequestRefundAsync(purchase.PurchaseId!.Value));
        Assert.Equal(RefundOutcome.Completed, await Economy.CompleteRefundAsync(payment.TelegramPaymentChargeId));
        Assert.Equal(RefundOutcome.AlreadyRefunded, await Economy.CompleteRefundAsync(payment.TelegramPaymentChargeId));
        Assert.Equal(1, refunds.Sum());
        Assert.Equal(invoice.PriceStars, refundStars.Sum());
    }

    [Fact]
    public async Task A_payment_that_does_not_match_its_invoice_counts_as_flagged()
    {
        using var purchases = new CoreMeter(Core, "quiz.purchases");
        var (player, telegram) = await Economy.NewPlayerAsync();
        var invoice = await Economy.InvoiceAsync(player, "spiele-10");

        var result = await Economy.ConfirmAsync(EconomyKit.Payment(telegram, invoice) with { TotalAmount = invoice.PriceStars + 1 });

        Assert.Equal(ConfirmOutcome.Flagged, result.Outcome);
        Assert.Equal(1, purchases.Sum("outcome=flagged"));
        Assert.Equal(0, purchases.Sum("outcome=granted"));
    }

    [Fact]
    public async Task Joining_twice_counts_one_entrant_and_finishing_the_tournament_finishes_its_open_attempt_once()
    {
        using var entrants = new CoreMeter(Core, "quiz.tournaments.entrants");
        using var finished = new CoreMeter(Core, "quiz.games.finished");
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3);
        var player = await Kit.NewPlayerAsync("Karl");

        Assert.Equal(JoinOutcome.Joined, (await T.JoinAsync(player, id)).Outcome);
        Assert.Equal(JoinOutcome.AlreadyJoined, (await T.JoinAsync(player, id)).Outcome);
        Assert.Equal(1, entrants.Sum("fee=free"));

        Assert.Equal(TransitionOutcome.Changed, await T.Admin().StartNowAsync(id, TournamentKit.Operator));
        Assert.NotNull((await T.PlayAsync(player, id)).SessionId);
        Assert.Equal(TransitionOutcome.Changed, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        Assert.Equal(TransitionOutcome.NoChange, await T.Admin().FinishNowAsync(id, TournamentKit.Operator));
        Assert.Equal(1, finished.Sum("mode=tournament"));
    }

    [Fact]
    public async Task Raising_the_same_signal_again_updates_the_flag_and_counts_it_once()
    {
        using var flags = new CoreMeter(Core, "quiz.flags.raised");
        var player = await Kit.NewPlayerAsync("Mira");

        var id = await Core.Get<CheatFlags>().RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:2", 55, """{"matches":6}""");
        Assert.Equal(id, await Core.Get<CheatFlags>().RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:2", 80, """{"matches":9}"""));

        Assert.Equal(1, flags.Sum("kind=lockstep"));
    }

    [Fact]
    public async Task A_row_dead_lettered_twice_counts_once_and_a_blocked_players_rows_count_as_blocked()
    {
        using var dead = new CoreMeter(Core, "quiz.outbox.dead_lettered");
        long refused, first;
        await using (var db = Database.CreateContext())
        {
            var rows = new[] { 7_001L, 7_002, 7_002 }.Select(chat => OutboxWriter.EnqueueMessage(db, chat, new SendMessagePayload("Hallo"), Time.GetUtcNow())).ToList();
            await db.SaveChangesAsync();
            (refused, first) = (rows[0].Id, rows[1].Id);
        }
        var store = Core.Get<OutboxStore>();

        await store.DeadLetterAsync(refused, "Bad Request: message text is empty");
        await store.DeadLetterAsync(refused, "Bad Request: message text is empty");
        await store.DeadLetterBlockedAsync(first, "Forbidden: bot was blocked by the user");
        Assert.Equal(1, await store.DeadLetterChatAsync(7_002, "player blocked the bot"));

        Assert.Equal(1, dead.Sum("cause=refused"));
        Assert.Equal(2, dead.Sum("cause=blocked"));
    }
}
