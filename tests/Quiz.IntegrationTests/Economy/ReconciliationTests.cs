using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// The class's tests share one database, and a run checks every purchase Telegram has not listed,
/// so each test looks only at the alerts of its own charges (the matching run lists every recorded
/// purchase). Each test has its own Telegram list, starting at the cursor (<see cref="StarList"/>).
/// </summary>
public sealed class ReconciliationTests(PostgresDatabase database) : ReconciliationTestBase(database)
{
    [Fact]
    public async Task Each_kind_of_difference_becomes_one_alert_and_matching_charges_none()
    {
        var unpaid = await BuyAsync();
        var mismatched = await BuyAsync();
        var refundedAtTelegramOnly = await BuyAsync();
        var refundedHereOnly = await BuyAsync();
        var matching = await BuyAsync();
        var refundedBoth = await BuyAsync();
        await RefundAsync(refundedHereOnly);
        await RefundAsync(refundedBoth);
        var lost = $"lost-{Guid.NewGuid():N}";
        var lostRefund = $"lost-refund-{Guid.NewGuid():N}";
        var at = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromHours(1));

        var run = await RunAsync(
        [
            new StarTransactionRecord(lost, 77, at, false, 4242, "fremd"),
            new StarTransactionRecord(lostRefund, 12, at, true, 4343, null),
            mismatched.Paid(mismatched.Amount + 1),
            refundedAtTelegramOnly.Paid(), refundedAtTelegramOnly.Refunded(at),
            refundedHereOnly.Paid(),
            matching.Paid(),
            refundedBoth.Paid(), refundedBoth.Refunded(at),
        ]);

        var alerts = await AlertsAsync(lost, lostRefund, unpaid.Charge, mismatched.Charge, refundedAtTelegramOnly.Charge, refundedHereOnly.Charge, matching.Charge, refundedBoth.Charge);
        Assert.All(alerts, a => Assert.Equal((run, (DateTimeOffset?)null), (a.RunId, a.ResolvedAt)));
        var expected = new[]
        {
            (DifferenceKind.PaymentWithoutPurchase, lost, (long?)4242, (Guid?)null, (int?)77, (int?)null),
            (DifferenceKind.RefundNotRecorded, lostRefund, 4343, null, 12, null),
            (DifferenceKind.PurchaseWithoutPayment, unpaid.Charge, unpaid.Telegram, unpaid.Purchase, null, unpaid.Amount),
            (DifferenceKind.AmountMismatch, mismatched.Charge, mismatched.Telegram, mismatched.Purchase, mismatched.Amount + 1, mismatched.Amount),
            (DifferenceKind.RefundNotRecorded, refundedAtTelegramOnly.Charge, refundedAtTelegramOnly.Telegram, refundedAtTelegramOnly.Purchase, refundedAtTelegramOnly.Amount, refundedAtTelegramOnly.Amount),
            (DifferenceKind.RefundMissingAtTelegram, refundedHereOnly.Charge, refundedHereOnly.Telegram, refundedHereOnly.Purchase, null, refundedHereOnly.Amount),
        };
        Assert.Equal(
            expected.OrderBy(e => e.Item2, StringComparer.Ordinal),
            alerts.Select(a => (a.Kind, a.ChargeId, a.TelegramUserId, a.PurchaseId, a.TelegramAmount, a.RecordedAmount)).OrderBy(e => e.ChargeId, StringComparer.Ordinal));
        Assert.Equal(9, (await RunRowAsync(run)).TransactionCount);
    }

    [Fact]
    public async Task Telegram_listing_exactly_what_was_recorded_gives_no_alert()
    {
        await BuyAsync();
        await RefundAsync(await BuyAsync());
        var (_, payer) = await Kit.NewPlayerAsync();
        var foreignInvoice = await Kit.InvoiceAsync((await Kit.NewPlayerAsync()).PlayerId, "spiele-10");
        Assert.Equal(ConfirmOutcome.Flagged, (await Kit.ConfirmAsync(EconomyKit.Payment(payer, foreignInvoice))).Outcome);
        Time.Advance(TimeSpan.FromHours(1));
        List<StarTransactionRecord> listed;
        await using (var db = Database.CreateContext())
        {
            var purchases = await db.Purchases.AsNoTracking().ToListAsync();
            listed = [.. purchases.Select(p => new StarTransactionRecord(p.TelegramPaymentChargeId, p.AmountStars, p.CreatedAt, false, null, null))];
            listed.AddRange(purchases.Where(p => p.Status == PurchaseStatus.Refunded)
                .Select(p => new StarTransactionRecord(p.TelegramPaymentChargeId, p.AmountStars, p.RefundedAt!.Value, true, null, null)));
        }

        var run = await RunAsync(listed);

        var row = await RunRowAsync(run);
        Assert.Equal((ReconciliationStatus.Completed, listed.Count, 0, Time.GetUtcNow()), (row.Status, row.TransactionCount, row.DifferenceCount, row.CompletedAt!.Value));
        await using var check = Database.CreateContext();
        Assert.False(await check.ReconciliationAlerts.AnyAsync(a => a.RunId == run));
    }

    [Fact]
    public async Task Purchases_and_transactions_younger_than_the_settle_margin_wait_for_a_later_run()
    {
        const int settle = 300;
        var young = await BuyAsync();
        var payment = $"young-{Guid.NewGuid():N}";
        StarTransactionRecord[] listed = [new(payment, 50, Time.GetUtcNow().AddMinutes(2), false, 99, null)];
        Time.Advance(TimeSpan.FromMinutes(4));

        await RunAsync(listed, settle);
        Assert.Empty(await AlertsAsync(young.Charge, payment));

        Time.Advance(TimeSpan.FromMinutes(4));
        var after = $"after-{Guid.NewGuid():N}";
        var late = await RunAsync([new StarTransactionRecord(after, 5, Time.GetUtcNow().AddMinutes(1), false, 98, null)], settle);

        var alerts = await AlertsAsync(young.Charge, payment, after);
        Assert.Equal([(DifferenceKind.PaymentWithoutPurchase, payment), (DifferenceKind.PurchaseWithoutPayment, young.Charge)],
            alerts.Select(a => (a.Kind, a.ChargeId)).OrderBy(a => a.Kind));
        Assert.All(alerts, a => Assert.Equal(late, a.RunId));

        // The young payment kept the cursor in front of it; the late run settled it, not the later one.
        var row = await RunRowAsync(late);
        Assert.Equal((row.StartOffset + 1, row.StartOffset + 2), (row.SettledOffset, row.NextOffset));
        await using var db = Database.CreateContext();
        Assert.Equal(row.StartOffset + 1, (await db.ReconciliationCursors.SingleAsync()).Offset);
    }

    [Fact]
    public async Task Completing_twice_changes_nothing_an_open_difference_stays_one_alert_and_a_resolved_one_is_not_raised_again()
    {
        var unpaid = await BuyAsync();
        Time.Advance(TimeSpan.FromHours(1));
        var run = await RunAsync([]);
        var completed = await RunRowAsync(run);
        Time.Advance(TimeSpan.FromMinutes(1));

        // The bot's command for the last step, delivered again after the run completed.
        await using (var scope = Core.Scope())
        {
            var repeated = new ReconcileCommand(run, 0, completed.StartOffset, 50, 5);
            Assert.Equal(ReconcileStepOutcome.AlreadyDone, await scope.Get<ReconciliationService>().StepAsync(repeated,
                new StarTransactionChunk(completed.StartOffset, [new ListedStarTransaction(unpaid.At, unpaid.Paid(unpaid.Amount + 5))], EndReached: true)));
        }
        var again = await RunRowAsync(run);
        Assert.Equal((completed.CompletedAt, 0), (again.CompletedAt, again.TransactionCount));
        var first = Assert.Single(await AlertsAsync(unpaid.Charge));
        Assert.Equal((run, DifferenceKind.PurchaseWithoutPayment), (first.RunId, first.Kind));

        var second = await RunAsync([]);
        Assert.Equal(first.Id, Assert.Single(await AlertsAsync(unpaid.Charge)).Id);
        Assert.True((await RunRowAsync(second)).DifferenceCount >= 1);

        var resolved = await Core.Get<ReconciliationAdministration>().ResolveAsync(first.Id, "geprüft", "Anna Admin");
        Assert.Equal(AlertResolveOutcome.Resolved, resolved.Outcome);
        var third = await RunAsync([]);
        var alerts = await AlertsAsync(unpaid.Charge);
        Assert.Equal(first.Id, Assert.Single(alerts).Id);
        Assert.NotNull(alerts[0].ResolvedAt);

        // The operator judged this charge; a different fact about it is still news.
        var fourth = await RunAsync([unpaid.Paid(unpaid.Amount + 5)]);
        var mismatch = Assert.Single(await AlertsAsync(unpaid.Charge), a => a.ResolvedAt is null);
        Assert.Equal((fourth, DifferenceKind.AmountMismatch), (mismatch.RunId, mismatch.Kind));
        Assert.Equal(0, (await RunRowAsync(third)).DifferenceCount);
    }

    [Fact]
    public async Task The_daily_run_is_requested_once_per_Berlin_day_with_one_outbox_command()
    {
        var runs = await StartLine.RunAsync(4, async line =>
        {
            await using var scope = Core.Scope();
            await line.ArriveAsync();
            return await scope.Get<ReconciliationService>().RequestDailyAsync();
        });

        var run = Assert.Single(runs.Distinct());
        var row = await RunRowAsync(run);
        Assert.Equal((ReconciliationService.ScheduledBy, "2026-11-28", ReconciliationStatus.Requested), (row.RequestedBy, row.DayKey, row.Status));
        await using (var db = Database.CreateContext())
        {
            // The losers' commands went with their rolled-back runs: one command per run, none without.
            var commands = await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.ReconcileStarTransactions).ToListAsync();
            var runIds = await db.ReconciliationRuns.Select(r => r.Id).ToListAsync();
            Assert.Equal(runIds.Order(), commands.Select(m => OutboxWriter.ReadPayload<ReconcileCommand>(m.Payload).RunId).Order());
            Assert.Equal($"reconcile:{run:N}", Assert.Single(commands, m => OutboxWriter.ReadPayload<ReconcileCommand>(m.Payload).RunId == run).IdempotencyKey);
            Assert.Equal(1, await db.ReconciliationRuns.CountAsync(r => r.DayKey != null));
        }

        Time.Advance(TimeSpan.FromHours(13.5));
        await using var later = Core.Scope();
        var next = await later.Get<ReconciliationService>().RequestDailyAsync();
        Assert.NotEqual(run, next);
        Assert.Equal("2026-11-29", (await RunRowAsync(next)).DayKey);
    }

    [Fact]
    public async Task A_failed_run_keeps_its_error_and_can_no_longer_complete()
    {
        var run = await RequestAsync();
        Time.Advance(TimeSpan.FromSeconds(30));
        await using (var scope = Core.Scope()) await scope.Get<ReconciliationService>().FailAsync(run, "Bad Request: " + new string('e', 1200));

        var row = await RunRowAsync(run);
        Assert.Equal((ReconciliationStatus.Failed, Time.GetUtcNow(), 1000), (row.Status, row.CompletedAt!.Value, row.Error!.Length));
        Assert.StartsWith("Bad Request: eee", row.Error);
        TelegramList.Add(new StarTransactionRecord($"x-{Guid.NewGuid():N}", 1, Time.GetUtcNow().AddDays(-1), false, 1, null));
        Assert.Equal([ReconcileStepOutcome.AlreadyDone], (await CompleteAsync(run)).Select(s => s.Outcome));
        await using var check = Database.CreateContext();
        Assert.False(await check.ReconciliationAlerts.AnyAsync(a => a.RunId == run));
        Assert.Equal(ReconciliationStatus.Failed, (await RunRowAsync(run)).Status);
    }
}
