using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>pre_checkout_query → answer within 10 s → successful_payment; refunds and the transaction list.</summary>
public sealed class PaymentFlowTests
{
    private static async Task<(long User, int InvoiceId)> InvoiceAsync(SandboxHost sandbox, int amount = 50)
    {
        var user = await sandbox.Control.CreateUserAsync();
        var invoice = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(user, amount))).ShouldSucceed();
        return (user, invoice["message_id"]!.GetValue<int>());
    }

    private static async Task<JsonObject> AnswerNextPreCheckoutAsync(SandboxHost sandbox, bool ok, string? error = null)
    {
        var query = (await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query"))["pre_checkout_query"]!;
        (await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["id"]!.GetValue<string>(), ok, error_message = error })).ShouldSucceed();
        return query.AsObject();
    }

    [Fact]
    public async Task Pay_charges_stars_and_sends_successful_payment()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, invoiceId) = await InvoiceAsync(sandbox, 50);
        var paying = sandbox.Control.PayAsync(user, invoiceId);
        var query = await AnswerNextPreCheckoutAsync(sandbox, ok: true);
        var result = await paying;

        Assert.Equal("paid", result["status"]!.GetValue<string>());
        Assert.Equal("inv-0001", query["invoice_payload"]!.GetValue<string>());
        Assert.Equal(50, query["total_amount"]!.GetValue<int>());
        var charge = result["telegramPaymentChargeId"]!.GetValue<string>();
        Assert.StartsWith("stxsandbox", charge, StringComparison.Ordinal);
        Assert.Equal(950, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());

        var payment = (await Updates.WaitForAsync(sandbox.Bot, "message", m => m["successful_payment"] is not null))["message"]!["successful_payment"]!;
        Assert.Equal(charge, payment["telegram_payment_charge_id"]!.GetValue<string>());
        Assert.Equal("XTR", payment["currency"]!.GetValue<string>());
        Assert.NotNull(payment["provider_payment_charge_id"]);
        Assert.Contains(await sandbox.Control.ChatAsync(user), i => i!["paid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Pay_is_declined_when_the_bot_says_no()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, invoiceId) = await InvoiceAsync(sandbox);
        var paying = sandbox.Control.PayAsync(user, invoiceId);
        await AnswerNextPreCheckoutAsync(sandbox, ok: false, error: "Angebot abgelaufen");
        var result = await paying;

        Assert.Equal("declined", result["status"]!.GetValue<string>());
        Assert.Equal("Angebot abgelaufen", result["errorMessage"]!.GetValue<string>());
        Assert.Equal(1000, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnswerPreCheckoutQuery_after_10_seconds_is_rejected_and_the_payment_fails()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(clock: clock);
        var (user, invoiceId) = await InvoiceAsync(sandbox);
        var paying = sandbox.Control.PayAsync(user, invoiceId);
        var query = (await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query"))["pre_checkout_query"]!;

        clock.Advance(TimeSpan.FromSeconds(10.5));
        var result = await paying.WaitAsync(TimeSpan.FromSeconds(10));
        var late = await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["id"]!.GetValue<string>(), ok = true });

        Assert.Equal("timeout", result["status"]!.GetValue<string>());
        Assert.Null(result["preCheckoutMs"]);
        late.ShouldFail(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        Assert.Equal(1000, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pay_for_subscription_link_reports_expiration_and_recurrence()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        var link = Updates.Invoice(0, 300);
        link.Remove("chat_id");
        link["subscription_period"] = 2_592_000;
        var url = (await sandbox.Bot.CallAsync("createInvoiceLink", link)).ShouldSucceed().GetValue<string>();

        var paying = sandbox.Control.PayAsync(user, invoiceSlug: url);
        await AnswerNextPreCheckoutAsync(sandbox, ok: true);
        Assert.Equal("paid", (await paying)["status"]!.GetValue<string>());

        var payment = (await Updates.WaitForAsync(sandbox.Bot, "message", m => m["successful_payment"] is not null))["message"]!;
        var date = payment["date"]!.GetValue<long>();
        Assert.Equal(date + 2_592_000, payment["successful_payment"]!["subscription_expiration_date"]!.GetValue<long>());
        Assert.True(payment["successful_payment"]!["is_first_recurring"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Pay_with_too_few_stars_is_declined_without_asking_the_bot()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync(stars: 10);
        var invoiceId = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(user, 50))).ShouldSucceed()["message_id"]!.GetValue<int>();

        Assert.Equal("declined", (await sandbox.Control.PayAsync(user, invoiceId))["status"]!.GetValue<string>());
        Assert.Empty(await sandbox.Bot.GetUpdatesAsync());
    }

    [Fact]
    public async Task RefundStarPayment_twice_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, invoiceId) = await InvoiceAsync(sandbox, 50);
        var paying = sandbox.Control.PayAsync(user, invoiceId);
        await AnswerNextPreCheckoutAsync(sandbox, ok: true);
        var charge = (await paying)["telegramPaymentChargeId"]!.GetValue<string>();

        (await sandbox.Bot.CallAsync("refundStarPayment", new { user_id = user, telegram_payment_charge_id = charge })).ShouldSucceed();
        (await sandbox.Bot.CallAsync("refundStarPayment", new { user_id = user, telegram_payment_charge_id = charge }))
            .ShouldFail(400, "Bad Request: CHARGE_ALREADY_REFUNDED");

        Assert.Equal(1000, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
        var refunded = (await Updates.WaitForAsync(sandbox.Bot, "message", m => m["refunded_payment"] is not null))["message"]!["refunded_payment"]!;
        Assert.Equal(charge, refunded["telegram_payment_charge_id"]!.GetValue<string>());
        var transactions = (await sandbox.Bot.CallAsync("getStarTransactions")).ShouldSucceed()["transactions"]!.AsArray();
        Assert.Equal(2, transactions.Count);
        Assert.NotNull(transactions[0]!["source"]);
        Assert.NotNull(transactions[1]!["receiver"]);
    }

    [Fact]
    public async Task RefundStarPayment_of_unknown_charge_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var user = await sandbox.Control.CreateUserAsync();
        (await sandbox.Bot.CallAsync("refundStarPayment", new { user_id = user, telegram_payment_charge_id = "stxnope" })).ShouldFail(400, "Bad Request: CHARGE_NOT_FOUND");
    }
}
