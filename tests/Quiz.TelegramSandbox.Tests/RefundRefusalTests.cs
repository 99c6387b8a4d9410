using System.Net;
using System.Net.Http.Json;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Tests make Telegram refuse a refund with a description of their choice, then lift the refusal.</summary>
public sealed class RefundRefusalTests
{
    [Fact]
    public async Task A_refused_charge_answers_400_with_the_description_until_the_refusal_is_lifted()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var invoice = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(user))).ShouldSucceed();
        var paying = sandbox.Control.PayAsync(user, invoice["message_id"]!.GetValue<int>());
        var query = await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query");
        (await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["pre_checkout_query"]!["id"]!.GetValue<string>(), ok = true })).ShouldSucceed();
        var charge = (await paying)["telegramPaymentChargeId"]!.GetValue<string>();
        var refund = new { user_id = user, telegram_payment_charge_id = charge };

        using (var set = await sandbox.Http.PostAsJsonAsync($"/sandbox/api/payments/{charge}/refund-refusal", new { description = "REFUND_PERIOD_EXPIRED" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }
        (await sandbox.Bot.CallAsync("refundStarPayment", refund)).ShouldFail(400, "Bad Request: REFUND_PERIOD_EXPIRED");
        var starsWhileRefused = (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>();
        using (var lift = await sandbox.Http.DeleteAsync($"/sandbox/api/payments/{charge}/refund-refusal"))
        {
            Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);
        }
        (await sandbox.Bot.CallAsync("refundStarPayment", refund)).ShouldSucceed();

        Assert.Equal(starsWhileRefused + 50, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
        using var again = await sandbox.Http.DeleteAsync($"/sandbox/api/payments/{charge}/refund-refusal");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
