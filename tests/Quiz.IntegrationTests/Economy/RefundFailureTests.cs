using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// A refund Telegram refuses ends in "refund failed" with Telegram's description (an alert), once per attempt;
/// an admin retries it under a new command (once, however many click) or an operator resolves the alert.
/// </summary>
public sealed class RefundFailureTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private async Task<(Guid Purchase, long Player, string Charge)> RefundRequestedAsync()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "spiele-10"));
        var purchase = (await Kit.ConfirmAsync(payment)).PurchaseId!.Value;
        Assert.Equal(RefundOutcome.Requested, await Kit.RequestRefundAsync(purchase));
        return (purchase, player, payment.TelegramPaymentChargeId);
    }

    private async Task<RefundOutcome> FailAsync(Guid purchase, int attempt, string description)
    {
        await using var scope = Core.Scope();
        return await scope.Get<Refunds>().FailAsync(purchase, attempt, description);
    }

    private async Task<Purchase> LoadAsync(Guid purchase)
    {
        await using var db = Database.CreateContext();
        return await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase);
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid purchase)
    {
        await using var db = Database.CreateContext();
        return await AuditLog.ForSubjectAsync(db, AuditLog.Purchase(purchase));
    }

    [Fact]
    public async Task A_refused_refund_is_retried_once_under_concurrent_retries_with_a_new_command_and_a_second_refusal_is_recorded()
    {
        var (purchase, player, charge) = await RefundRequestedAsync();
        var admin = Core.Get<RefundAdministration>();

        Assert.Equal(RefundOutcome.Failed, await FailAsync(purchase, 0, "Bad Request: REFUND_PERIOD_EXPIRED"));
        Assert.Equal(RefundOutcome.Failed, await FailAsync(purchase, 0, "Bad Request: REFUND_PERIOD_EXPIRED"));
        var failed = await LoadAsync(purchase);
        Assert.Equal((PurchaseStatus.RefundFailed, "Bad Request: REFUND_PERIOD_EXPIRED", Time.GetUtcNow()), (failed.Status, failed.RefundFailure, failed.RefundFailedAt));
        Assert.Equal(RefundOutcome.FailedBefore, await Kit.RequestRefundAsync(purchase));

        var names = new[] { "Anna", "Ben", "Cem", "Dora", "Emil", "Fee", "Gero", "Hilde" };
        var next = -1;
        var retries = await StartLine.RunAsync(8, async line =>
        {
            var name = names[Interlocked.Increment(ref next)];
            await line.ArriveAsync();
            return await admin.RetryAsync(purchase, "Telegram-Support hat die Sperre aufgehoben", name);
        });

        Assert.Equal(1, retries.Count(r => r == RefundFailureOutcome.Retried));
        Assert.Equal(7, retries.Count(r => r == RefundFailureOutcome.NotFailed));
        var retried = await LoadAsync(purchase);
        Assert.Equal((PurchaseStatus.RefundRequested, 1, null, null), (retried.Status, retried.RefundAttempt, retried.RefundFailure, retried.RefundFailedAt));
        await using (var db = Database.CreateContext())
        {
            var commands = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.RefundStarPayment).ToListAsync();
            var mine = commands.Where(m => OutboxWriter.ReadPayload<RefundCommand>(m.Payload).PurchaseId == purchase).OrderBy(m => m.Id).ToList();
            Assert.Equal([$"refund:{purchase:N}", $"refund:{purchase:N}:1"], mine.Select(m => m.IdempotencyKey));
            Assert.Equal(1, OutboxWriter.ReadPayload<RefundCommand>(mine[1].Payload).Attempt);
            Assert.Null(mine[1].ChatId);
        }
        var audit = await AuditAsync(purchase);
        var retry = Assert.Single(audit, e => e.Action == AuditActions.RefundRetried);
        Assert.Contains(retry.Actor, names);
        Assert.Equal(("Telegram-Support hat die Sperre aufgehoben", retry.Actor, Time.GetUtcNow()), (retry.Details, retried.RefundRequestedBy, retry.At));
        Assert.Single(audit, e => e.Action == AuditActions.RefundFailed);

        Assert.Equal(RefundOutcome.Stale, await FailAsync(purchase, 0, "Bad Request: REFUND_PERIOD_EXPIRED"));
        Assert.Equal(PurchaseStatus.RefundRequested, (await LoadAsync(purchase)).Status);
        Assert.Equal(RefundOutcome.Failed, await FailAsync(purchase, 1, "Bad Request: BALANCE_TOO_LOW"));
        Assert.Equal((PurchaseStatus.RefundFailed, "Bad Request: BALANCE_TOO_LOW"), ((await LoadAsync(purchase)).Status, (await LoadAsync(purchase)).RefundFailure));

        Assert.Equal(RefundFailureOutcome.Retried, await admin.RetryAsync(purchase, "Zweiter Versuch", "Anna Admin"));
        Assert.Equal(RefundOutcome.Completed, await Kit.CompleteRefundAsync(charge));
        var refunded = await LoadAsync(purchase);
        Assert.Equal((PurchaseStatus.Refunded, 2, null), (refunded.Status, refunded.RefundAttempt, refunded.RefundFailure));
        Assert.Equal(0, (await Kit.HoldingsAsync(player)).Games);
        Assert.Equal(RefundFailureOutcome.AlreadyRefunded, await admin.RetryAsync(purchase, "Noch einmal", "Anna Admin"));
    }

    [Fact]
    public async Task A_refused_refund_is_an_alert_on_the_overview_until_an_operator_resolves_it_once_and_it_stays_retryable()
    {
        var (purchase, _, _) = await RefundRequestedAsync();
        var admin = Core.Get<RefundAdministration>();
        var overview = Core.Get<OverviewStatistics>();
        var before = (await overview.GetAsync()).FailedRefunds;

        Assert.Equal(RefundOutcome.Failed, await FailAsync(purchase, 0, "Bad Request: CHARGE_NOT_FOUND"));
        Assert.Equal(before + 1, (await overview.GetAsync()).FailedRefunds);
        Assert.Equal(RefundFailureOutcome.InvalidReason, await admin.ResolveAsync(purchase, "  ", "Mara"));
        var resolves = await StartLine.RunAsync(4, async line =>
        {
            await line.ArriveAsync();
            return await admin.ResolveAsync(purchase, "Sterne per Telegram-Support erstattet", "Mara");
        });

        Assert.Equal([RefundFailureOutcome.Resolved, RefundFailureOutcome.NotFailed, RefundFailureOutcome.NotFailed, RefundFailureOutcome.NotFailed], resolves.Order());
        Assert.Equal(before, (await overview.GetAsync()).FailedRefunds);
        var resolved = await LoadAsync(purchase);
        Assert.Equal((PurchaseStatus.RefundFailed, "Mara"), (resolved.Status, resolved.RefundFailureResolvedBy));
        Assert.Single(await AuditAsync(purchase), e => e.Action == AuditActions.RefundFailureResolved && e.Details == "Sterne per Telegram-Support erstattet");
        Assert.Equal(RefundFailureOutcome.Retried, await admin.RetryAsync(purchase, "Doch noch erstatten", "Anna Admin"));
    }

    [Fact]
    public async Task The_database_refuses_a_failed_refund_without_telegrams_description()
    {
        var (purchase, _, _) = await RefundRequestedAsync();
        await using var db = Database.CreateContext();

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE purchases SET status = 'refundfailed', refund_failed_at = now() WHERE id = {purchase}"));
        Assert.Equal("ck_purchases_refund_failed", ex.ConstraintName);
    }
}
