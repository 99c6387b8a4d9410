using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>Payments under pressure and their reconciliation with Telegram's Star transactions.</summary>
[Collection(AppModelCollection.Name)]
public sealed class PaymentOperationsTests(AppModelFixture fixture)
{
    private const string SandboxToken = "123456:sandbox-token-for-local-runs";

    /// <summary>
    /// Other traffic takes the sandbox's whole send budget (it answers 429), twenty players write at
    /// once and the buyer has three messages of her own queued ahead: her pre-checkout is still
    /// answered inside Telegram's 10 s (the sandbox declares a timeout otherwise), and the purchase lands once.
    /// </summary>
    [Fact]
    public async Task Pre_checkout_is_answered_in_time_while_the_sandbox_throttles_other_traffic()
    {
        var sandbox = fixture.Sandbox();
        var pia = await ChatPlayer.CreateAsync(fixture, "Paula");
        await pia.SayAsync("/shop");
        await pia.PressAsync(await pia.MessageAsync("Shop"), "shop:buy:spiele-10");
        var invoice = await pia.InvoiceMessageAsync();
        var crowd = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sandbox.CreateUserAsync($"Menge{i}")));
        var since = (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;

        using var stop = new CancellationTokenSource();
        var flood = FloodAsync(crowd.Select(u => u.ChatId).ToArray(), stop.Token);
        await Task.WhenAll(crowd.SelectMany(u => Enumerable.Range(0, 3).Select(_ => sandbox.SendAsync(u, "/hilfe"))));
        for (var i = 0; i < 3; i++) await pia.SayAsync("/hilfe");
        await Task.Delay(500);

        var paid = await pia.PayAsync(invoice);
        await stop.CancelAsync();
        await flood;

        Assert.Equal("paid", paid.Status);
        Assert.NotNull(paid.PreCheckoutMs);
        var throttled = await sandbox.CallsAsync(since, "sendMessage");
        Assert.Contains(throttled, c => c.Status == 429);
        await pia.MessageAsync("Danke für Deinen Kauf", TimeSpan.FromSeconds(60));
        await using var db = fixture.Database();
        Assert.Equal(1, await db.Purchases.CountAsync(p => p.TelegramPaymentChargeId == paid.TelegramPaymentChargeId));
    }

    [Fact]
    public async Task Reconciliation_on_demand_pages_telegrams_transactions_and_alerts_a_recorded_amount_that_differs()
    {
        var max = await ChatPlayer.CreateAsync(fixture, "Maxi");
        await max.SayAsync("/shop");
        await max.PressAsync(await max.MessageAsync("Shop"), "shop:buy:extra-leben-3");
        var paid = await max.PayAsync(await max.InvoiceMessageAsync());
        await max.MessageAsync("Danke für Deinen Kauf");

        Guid run;
        await using (var core = CoreServices.Create(TestEnvironment.ForDatabase(fixture.DatabaseName)))
        await using (var scope = core.Scope())
        {
            // A bookkeeping fault only Telegram's list can reveal.
            await scope.Db.Purchases.Where(p => p.TelegramPaymentChargeId == paid.TelegramPaymentChargeId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountStars, p => p.AmountStars - 1));
            run = await scope.Get<ReconciliationService>().RequestAsync("e2e");
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        ReconciliationRun? done = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = fixture.Database();
            done = await db.ReconciliationRuns.SingleAsync(r => r.Id == run);
            if (done.Status != ReconciliationStatus.Requested) break;
            await Task.Delay(200);
        }
        Assert.Equal(ReconciliationStatus.Completed, done?.Status);
        Assert.True(done!.TransactionCount >= 1);

        await using var check = fixture.Database();
        var alert = await check.ReconciliationAlerts.SingleAsync(a => a.ChargeId == paid.TelegramPaymentChargeId);
        Assert.Equal((DifferenceKind.AmountMismatch, 30, 29, max.User.UserId), (alert.Kind, alert.TelegramAmount, alert.RecordedAmount, alert.TelegramUserId));
    }

    /// <summary>Another client of the same bot account sending as fast as the sandbox lets it (and faster).</summary>
    private async Task FloodAsync(long[] chats, CancellationToken ct)
    {
        using var http = fixture.App.CreateHttpClient(QuizResources.TelegramSandbox);
        var workers = Enumerable.Range(0, 6).Select(async w =>
        {
            for (var i = w; !ct.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync($"/bot{SandboxToken}/sendMessage", new { chat_id = chats[i % chats.Length], text = "Rauschen" }, ct);
                    await Task.Delay(25, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        await Task.WhenAll(workers);
    }
}
