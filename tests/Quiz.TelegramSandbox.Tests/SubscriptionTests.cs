using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Stars subscriptions: editUserStarSubscription, renewals charged by "Telegram", cancels and re-enables by the user.</summary>
public sealed class SubscriptionTests
{
    private const int Period = 2_592_000;

    /// <summary>Pays a 300-Star subscription link; returns the first charge id and its expiration.</summary>
    internal static async Task<(long User, string Charge, long ExpiresAt)> SubscribeAsync(SandboxHost sandbox, int? stars = null)
    {
        var user = await sandbox.Control.CreateUserAsync(stars: stars);
        var link = Updates.Invoice(0, 300);
        link.Remove("chat_id");
        link["payload"] = "premium-1";
        link["subscription_period"] = Period;
        var url = (await sandbox.Bot.CallAsync("createInvoiceLink", link)).ShouldSucceed().GetValue<string>();
        var paying = sandbox.Control.PayAsync(user, invoiceSlug: url);
        var query = (await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query"))["pre_checkout_query"]!;
        (await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["id"]!.GetValue<string>(), ok = true })).ShouldSucceed();
        var charge = (await paying)["telegramPaymentChargeId"]!.GetValue<string>();
        var first = await PaymentAsync(sandbox, charge);
        return (user, charge, first["subscription_expiration_date"]!.GetValue<long>());
    }

    private static async Task<JsonObject> PaymentAsync(SandboxHost sandbox, string charge) =>
        (await Updates.WaitForAsync(sandbox.Bot, "message", m => m["successful_payment"]?["telegram_payment_charge_id"]?.GetValue<string>() == charge))
            ["message"]!["successful_payment"]!.AsObject();

    private static Task<ApiReply> EditAsync(SandboxHost sandbox, long user, string charge, bool canceled) =>
        sandbox.Bot.CallAsync("editUserStarSubscription", new { user_id = user, telegram_payment_charge_id = charge, is_canceled = canceled });

    private static async Task<JsonObject> ViewAsync(SandboxHost sandbox, long user) =>
        Assert.Single(await sandbox.Control.SubscriptionsAsync(user))!.AsObject();

    [Fact]
    public async Task Bot_cancel_stops_the_renewal_and_lifting_it_only_lets_the_user_re_enable()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, charge, expiresAt) = await SubscribeAsync(sandbox);

        Assert.True((await EditAsync(sandbox, user, charge, true)).ShouldSucceed().GetValue<bool>());
        Assert.True((await EditAsync(sandbox, user, charge, true)).ShouldSucceed().GetValue<bool>());
        var updatesBefore = (await sandbox.Bot.GetUpdatesAsync()).Count;
        var refused = await sandbox.Control.RenewAsync(user, charge);
        var canceledView = await ViewAsync(sandbox, user);

        Assert.Equal("canceled", refused["status"]!.GetValue<string>());
        Assert.True(canceledView["canceledByBot"]!.GetValue<bool>());
        Assert.False(canceledView["canceledByUser"]!.GetValue<bool>());
        Assert.False(canceledView["active"]!.GetValue<bool>());
        Assert.Equal(700, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
        Assert.Equal(updatesBefore, (await sandbox.Bot.GetUpdatesAsync()).Count);

        // false only allows the user to re-enable: renewal stays off until they do.
        Assert.True((await EditAsync(sandbox, user, charge, false)).ShouldSucceed().GetValue<bool>());
        Assert.True((await EditAsync(sandbox, user, charge, false)).ShouldSucceed().GetValue<bool>());
        var stillOff = await sandbox.Control.RenewAsync(user, charge);
        var allowedView = await ViewAsync(sandbox, user);
        Assert.Equal("canceled", stillOff["status"]!.GetValue<string>());
        Assert.False(allowedView["canceledByBot"]!.GetValue<bool>());
        Assert.False(allowedView["active"]!.GetValue<bool>());
        Assert.Equal(700, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());

        var reenabled = await sandbox.Control.ReenableSubscriptionAsync(user, charge);
        Assert.True(reenabled["active"]!.GetValue<bool>());
        Assert.Equal(updatesBefore, (await sandbox.Bot.GetUpdatesAsync()).Count);
        var renewed = await sandbox.Control.RenewAsync(user, charge);
        var renewal = renewed["telegramPaymentChargeId"]!.GetValue<string>();
        var payment = await PaymentAsync(sandbox, renewal);
        var view = await ViewAsync(sandbox, user);

        Assert.Equal("paid", renewed["status"]!.GetValue<string>());
        Assert.NotEqual(charge, renewal);
        Assert.True(payment["is_recurring"]!.GetValue<bool>());
        Assert.Null(payment["is_first_recurring"]);
        Assert.Equal(expiresAt + Period, payment["subscription_expiration_date"]!.GetValue<long>());
        Assert.Equal("premium-1", payment["invoice_payload"]!.GetValue<string>());
        Assert.Equal(400, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
        Assert.Equal(charge, view["chargeId"]!.GetValue<string>());
        Assert.Equal(renewal, view["lastChargeId"]!.GetValue<string>());
        Assert.Equal(1, view["renewals"]!.GetValue<int>());
        Assert.Equal(expiresAt + Period, view["expiresAt"]!.GetValue<long>());
        Assert.True(view["active"]!.GetValue<bool>());
        Assert.Single(await sandbox.Bot.GetUpdatesAsync(), u => u!["pre_checkout_query"] is not null);
        Assert.Equal(2, (await sandbox.Bot.CallAsync("getStarTransactions")).ShouldSucceed()["transactions"]!.AsArray().Count);

        // The renewal's charge id names the same chain.
        (await EditAsync(sandbox, user, renewal, true)).ShouldSucceed();
        Assert.Equal("canceled", (await sandbox.Control.RenewAsync(user, renewal))["status"]!.GetValue<string>());
        Assert.True((await ViewAsync(sandbox, user))["canceledByBot"]!.GetValue<bool>());
    }

    [Fact]
    public async Task User_cancel_stops_the_renewal_and_re_enabling_charges_again_without_telling_the_bot()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, charge, _) = await SubscribeAsync(sandbox);
        var updatesBefore = (await sandbox.Bot.GetUpdatesAsync()).Count;

        var view = await sandbox.Control.CancelSubscriptionAsync(user, charge);
        (await EditAsync(sandbox, user, charge, false)).ShouldSucceed();
        var refused = await sandbox.Control.RenewAsync(user, charge);

        Assert.True(view["canceledByUser"]!.GetValue<bool>());
        Assert.False(view["canceledByBot"]!.GetValue<bool>());
        Assert.False(view["active"]!.GetValue<bool>());
        Assert.Equal("canceled", refused["status"]!.GetValue<string>());
        Assert.Equal(updatesBefore, (await sandbox.Bot.GetUpdatesAsync()).Count);
        Assert.Equal(700, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());

        var reenabled = await sandbox.Control.ReenableSubscriptionAsync(user, charge);
        Assert.False(reenabled["canceledByUser"]!.GetValue<bool>());
        Assert.True(reenabled["active"]!.GetValue<bool>());
        Assert.Equal(updatesBefore, (await sandbox.Bot.GetUpdatesAsync()).Count);
        var renewed = await sandbox.Control.RenewAsync(user, charge);
        Assert.Equal("paid", renewed["status"]!.GetValue<string>());
        Assert.Equal(400, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
    }

    [Fact]
    public async Task User_cannot_re_enable_while_the_bot_cancel_holds()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, charge, _) = await SubscribeAsync(sandbox);
        await sandbox.Control.CancelSubscriptionAsync(user, charge);
        (await EditAsync(sandbox, user, charge, true)).ShouldSucceed();

        using var refused = await sandbox.Control.TryReenableSubscriptionAsync(user, charge);
        var error = await refused.Content.ReadFromJsonAsync<JsonObject>();
        var view = await ViewAsync(sandbox, user);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("canceled by the bot", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(view["canceledByBot"]!.GetValue<bool>());
        Assert.True(view["canceledByUser"]!.GetValue<bool>());
        Assert.False(view["active"]!.GetValue<bool>());
        Assert.Equal("canceled", (await sandbox.Control.RenewAsync(user, charge))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renewal_with_too_few_stars_is_declined()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, charge, expiresAt) = await SubscribeAsync(sandbox, stars: 400);

        var declined = await sandbox.Control.RenewAsync(user, charge);

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        Assert.Contains("Nicht genug Sterne", declined["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(declined["telegramPaymentChargeId"]);
        Assert.Equal(100, (await sandbox.Control.UserAsync(user))["stars"]!.GetValue<int>());
        var view = Assert.Single(await sandbox.Control.SubscriptionsAsync(user))!;
        Assert.Equal(0, view["renewals"]!.GetValue<int>());
        Assert.Equal(expiresAt, view["expiresAt"]!.GetValue<long>());
    }

    [Fact]
    public async Task EditUserStarSubscription_refuses_in_Telegrams_shape()
    {
        await using var sandbox = SandboxHost.Start();
        var (user, charge, _) = await SubscribeAsync(sandbox);
        var other = await sandbox.Control.CreateUserAsync("Ben");
        var invoice = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(user, 50))).ShouldSucceed()["message_id"]!.GetValue<int>();
        var paying = sandbox.Control.PayAsync(user, invoice);
        var query = await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query", q => q["invoice_payload"]!.GetValue<string>() == "inv-0001");
        (await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["pre_checkout_query"]!["id"]!.GetValue<string>(), ok = true })).ShouldSucceed();
        var oneOff = (await paying)["telegramPaymentChargeId"]!.GetValue<string>();

        (await EditAsync(sandbox, 1_000_000_001, charge, true)).ShouldFail(400, "Bad Request: USER_ID_INVALID");
        (await EditAsync(sandbox, other, charge, true)).ShouldFail(400, "Bad Request: CHARGE_NOT_FOUND");
        (await EditAsync(sandbox, user, "stxnope", true)).ShouldFail(400, "Bad Request: CHARGE_NOT_FOUND");
        (await EditAsync(sandbox, user, oneOff, true)).ShouldFail(400, "Bad Request: SUBSCRIPTION_NOT_ACTIVE");
        Assert.False(Assert.Single(await sandbox.Control.SubscriptionsAsync(user))!["canceledByBot"]!.GetValue<bool>());

        using var unknown = await sandbox.Http.PostAsJsonAsync($"/sandbox/api/users/{user}/subscriptions/renew", new { chargeId = "stxnope" });
        using var foreign = await sandbox.Http.PostAsJsonAsync($"/sandbox/api/users/{other}/subscriptions/renew", new { chargeId = charge });
        using var notSubscription = await sandbox.Http.PostAsJsonAsync($"/sandbox/api/users/{user}/subscriptions/cancel", new { chargeId = oneOff });
        using var foreignReenable = await sandbox.Control.TryReenableSubscriptionAsync(other, charge);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notSubscription.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignReenable.StatusCode);
        Assert.Empty(await sandbox.Control.SubscriptionsAsync(other));
    }

    [Fact]
    public async Task Pay_reports_the_pre_checkout_time_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = SandboxHost.Start(clock: clock);
        var user = await sandbox.Control.CreateUserAsync();
        var invoice = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(user, 50))).ShouldSucceed()["message_id"]!.GetValue<int>();
        var paying = sandbox.Control.PayAsync(user, invoice);
        var query = (await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query"))["pre_checkout_query"]!;
        clock.Advance(TimeSpan.FromMilliseconds(2_345));
        (await sandbox.Bot.CallAsync("answerPreCheckoutQuery", new { pre_checkout_query_id = query["id"]!.GetValue<string>(), ok = true })).ShouldSucceed();
        var paid = await paying;

        var poor = await sandbox.Control.CreateUserAsync("Ben", stars: 10);
        var other = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(poor, 50))).ShouldSucceed()["message_id"]!.GetValue<int>();
        var declined = await sandbox.Control.PayAsync(poor, other);

        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal(2_345, paid["preCheckoutMs"]!.GetValue<double>());
        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        Assert.Null(declined["preCheckoutMs"]);
    }
}
