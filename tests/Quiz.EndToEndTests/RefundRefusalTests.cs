using System.Net.Http.Headers;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Messaging;
using Quiz.ServiceDefaults;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// Telegram (the sandbox) refuses a refund: the bot records the refusal with Telegram's description instead of
/// dead-lettering its command, the console's overview raises the alert, and an admin's retry gets the Stars back.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class RefundRefusalTests(AppModelFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_refund_Telegram_refuses_ends_failed_with_its_description_and_alerts_until_an_admin_retries_it()
    {
        var sandbox = fixture.Sandbox();
        var lena = await ChatPlayer.CreateAsync(fixture, "Lena");
        await lena.SayAsync("/shop");
        await lena.PressAsync(await lena.MessageAsync("Shop"), "shop:buy:spiele-10");
        var paid = await lena.PayAsync(await lena.InvoiceMessageAsync());
        await lena.MessageAsync("Danke für Deinen Kauf");
        var charge = paid.TelegramPaymentChargeId!;
        await sandbox.RefuseRefundsAsync(charge, "REFUND_PERIOD_EXPIRED");
        var alertsBefore = await FailedRefundsOnOverviewAsync();

        await using var core = CoreServices.Create(TestEnvironment.ForDatabase(fixture.DatabaseName));
        Guid purchase;
        await using (var db = fixture.Database())
        {
            purchase = (await db.Purchases.SingleAsync(p => p.TelegramPaymentChargeId == charge)).Id;
        }
        await using (var scope = core.Scope())
        {
            Assert.Equal(RefundOutcome.Requested, await scope.Get<Refunds>().RequestAsync(purchase, "Versehentlich gekauft", "Anna Admin"));
        }

        var failed = await WaitForStatusAsync(purchase, PurchaseStatus.RefundFailed);
        Assert.Equal("Bad Request: REFUND_PERIOD_EXPIRED", failed.RefundFailure);
        await using (var db = fixture.Database())
        {
            var command = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == Refunds.CommandKey(purchase, 0));
            Assert.Equal(OutboxState.Sent, command.State);
        }
        Assert.Equal(alertsBefore + 1, await FailedRefundsOnOverviewAsync());
        Assert.DoesNotContain(await sandbox.ChatAsync(lena.User), m => m.Text?.Contains("erstattet", StringComparison.Ordinal) == true);

        await sandbox.AllowRefundsAsync(charge);
        Assert.Equal(RefundFailureOutcome.Retried, await core.Get<RefundAdministration>().RetryAsync(purchase, "Telegram erlaubt es wieder", "Anna Admin"));

        var refunded = await WaitForStatusAsync(purchase, PurchaseStatus.Refunded);
        Assert.Equal((1, null), (refunded.RefundAttempt, refunded.RefundFailure));
        await lena.MessageAsync("wurde erstattet");
        Assert.Equal(alertsBefore, await FailedRefundsOnOverviewAsync());
    }

    private async Task<Purchase> WaitForStatusAsync(Guid purchase, PurchaseStatus status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = fixture.Database();
            var row = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase);
            if (row.Status == status) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Purchase is {row.Status}, not {status}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The admin API's overview, as a monitor would read it.</summary>
    private async Task<int> FailedRefundsOnOverviewAsync()
    {
        using var http = fixture.App.CreateHttpClient(QuizResources.Admin, "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/overview");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppModelFixture.AdminApiToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("failedRefunds").GetInt32();
    }
}
