using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy.Admin;

public sealed class ReconciliationAdministrationTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private ReconciliationAdministration Reconciliation() => Core.Get<ReconciliationAdministration>();

    [Fact]
    public async Task Alerts_show_the_player_and_purchase_and_are_resolved_once_with_a_required_note()
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = (await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Hugo", "hugo_stars", "de"))).Id;
        var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "spiele-10"));
        var purchase = (await Kit.ConfirmAsync(payment)).PurchaseId!.Value;
        Time.Advance(TimeSpan.FromHours(2));
        var lost = $"lost-{Guid.NewGuid():N}";
        Guid run;
        await using (var scope = Core.Scope()) run = await scope.Get<ReconciliationService>().RequestAsync("worker", "2026-11-28");
        var telegramList = new StarList();
        telegramList.Add(new StarTransactionRecord(lost, 50, Time.GetUtcNow().AddHours(-1), false, telegram, null));
        Assert.Equal(ReconcileStepOutcome.Completed, Assert.Single(await telegramList.DriveAsync(Core, run)).Outcome);
        var reconciliation = Reconciliation();

        var runRow = Assert.Single(await reconciliation.RunsAsync(), r => r.Id == run);
        Assert.Equal(("worker", ReconciliationStatus.Completed, 1, 2), (runRow.RequestedBy, runRow.Status, runRow.TransactionCount, runRow.DifferenceCount));
        var open = await reconciliation.OpenAlertsAsync();
        var missing = Assert.Single(open, a => a.ChargeId == lost);
        Assert.Equal((DifferenceKind.PaymentWithoutPurchase, telegram, "Hugo", "hugo_stars", 50, (Guid?)null),
            (missing.Kind, missing.TelegramUserId!.Value, missing.PlayerName, missing.Username, missing.TelegramAmount!.Value, missing.PurchaseId));
        var unpaid = Assert.Single(open, a => a.ChargeId == payment.TelegramPaymentChargeId);
        Assert.Equal((DifferenceKind.PurchaseWithoutPayment, purchase, 50), (unpaid.Kind, unpaid.PurchaseId!.Value, unpaid.RecordedAmount!.Value));
        var before = await reconciliation.CountOpenAlertsAsync();

        var noNote = await reconciliation.ResolveAsync(missing.Id, "   ", "Anna Admin");
        Assert.Equal((AlertResolveOutcome.Invalid, "Bitte eine Notiz angeben: Was wurde geprüft oder getan?"), (noNote.Outcome, noNote.Problem));
        Assert.Equal(AlertResolveOutcome.Invalid, (await reconciliation.ResolveAsync(missing.Id, new string('n', 501), "Anna Admin")).Outcome);
        Assert.Equal(before, await reconciliation.CountOpenAlertsAsync());

        Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(AlertResolveOutcome.Resolved, (await reconciliation.ResolveAsync(missing.Id, " Kauf von Hand nachgebucht ", "Anna Admin")).Outcome);
        var resolvedAt = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertResolveOutcome.AlreadyResolved, (await reconciliation.ResolveAsync(missing.Id, "nochmal", "Bernd Admin")).Outcome);
        Assert.Equal(AlertResolveOutcome.NotFound, (await reconciliation.ResolveAsync(long.MaxValue, "Notiz", "Anna Admin")).Outcome);

        Assert.Equal(before - 1, await reconciliation.CountOpenAlertsAsync());
        Assert.DoesNotContain(await reconciliation.OpenAlertsAsync(), a => a.Id == missing.Id);
        var resolved = Assert.Single(await reconciliation.ResolvedAlertsAsync(), a => a.Id == missing.Id);
        Assert.Equal(("Anna Admin", "Kauf von Hand nachgebucht", resolvedAt), (resolved.ResolvedBy, resolved.Note, resolved.ResolvedAt!.Value));
    }

    [Fact]
    public async Task Run_now_requests_one_run_and_refuses_a_second_while_it_waits_for_the_bot()
    {
        var reconciliation = Reconciliation();
        await using (var scope = Core.Scope())
        {
            foreach (var waiting in await scope.Db.ReconciliationRuns.Where(r => r.Status == ReconciliationStatus.Requested).Select(r => r.Id).ToListAsync())
            {
                await scope.Get<ReconciliationService>().FailAsync(waiting, "Testvorbereitung");
            }
        }

        var first = await reconciliation.RunNowAsync("Anna Admin");
        Assert.True(first.Started);
        Assert.Equal(("Anna Admin", (string?)null, ReconciliationStatus.Requested), (first.Run.RequestedBy, first.Run.DayKey, first.Run.Status));
        var again = await reconciliation.RunNowAsync("Bernd Admin");
        Assert.Equal((false, first.Run.Id, "Anna Admin"), (again.Started, again.Run.Id, again.Run.RequestedBy));

        await using (var scope = Core.Scope())
        {
            Assert.Equal(1, await scope.Db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.ReconcileStarTransactions && m.IdempotencyKey == $"reconcile:{first.Run.Id:N}"));
            await scope.Get<ReconciliationService>().FailAsync(first.Run.Id, "Telegram: Bad Request");
        }
        Time.Advance(TimeSpan.FromMinutes(1));

        var racing = await StartLine.RunAsync(6, async line =>
        {
            var console = Reconciliation();
            await line.ArriveAsync();
            return await console.RunNowAsync("Carla Admin");
        });

        var started = Assert.Single(racing, r => r.Started);
        Assert.All(racing, r => Assert.Equal(started.Run.Id, r.Run.Id));
        await using (var db = Database.CreateContext())
        {
            await db.OutboxMessages.Where(m => m.IdempotencyKey == $"reconcile:{started.Run.Id:N}")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Dead).SetProperty(m => m.ProcessedAt, Time.GetUtcNow()));
        }
        Time.Advance(TimeSpan.FromMinutes(1));
        var afterDead = await reconciliation.RunNowAsync("Anna Admin");
        Assert.True(afterDead.Started);
        Assert.NotEqual(started.Run.Id, afterDead.Run.Id);
        var runs = await reconciliation.RunsAsync();
        Assert.Equal(afterDead.Run.Id, runs[0].Id);
        Assert.Equal((ReconciliationStatus.Failed, "Der Bot hat den Befehl aufgegeben: ohne Angabe"), (runs.Single(r => r.Id == started.Run.Id).Status, runs.Single(r => r.Id == started.Run.Id).Error));
        Assert.Equal((ReconciliationStatus.Failed, "Telegram: Bad Request"), (Assert.Single(runs, r => r.Id == first.Run.Id).Status, runs.Single(r => r.Id == first.Run.Id).Error));
    }

    [Fact]
    public async Task Run_now_ends_a_run_older_than_its_limit_and_starts_a_new_one_from_the_cursor()
    {
        var reconciliation = Reconciliation();
        await using (var scope = Core.Scope())
        {
            foreach (var waiting in await scope.Db.ReconciliationRuns.Where(r => r.Status == ReconciliationStatus.Requested).Select(r => r.Id).ToListAsync())
            {
                await scope.Get<ReconciliationService>().FailAsync(waiting, "Testvorbereitung");
            }
        }
        var stuck = await reconciliation.RunNowAsync("Anna Admin");
        Assert.True(stuck.Started);
        Time.Advance(TimeSpan.FromMinutes(119));
        Assert.False((await reconciliation.RunNowAsync("Bernd Admin")).Started);

        Time.Advance(TimeSpan.FromMinutes(2));
        var fresh = await reconciliation.RunNowAsync("Bernd Admin");

        Assert.True(fresh.Started);
        Assert.NotEqual(stuck.Run.Id, fresh.Run.Id);
        var cursor = await reconciliation.CursorAsync();
        Assert.Equal((cursor.Offset, cursor.Offset), (fresh.Run.StartOffset, fresh.Run.NextOffset));
        var ended = Assert.Single(await reconciliation.RunsAsync(), r => r.Id == stuck.Run.Id);
        Assert.Equal((ReconciliationStatus.Failed, Time.GetUtcNow()), (ended.Status, ended.CompletedAt!.Value));
        Assert.StartsWith("Nicht innerhalb von 120 Minuten fertig geworden", ended.Error);
    }
}
