using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>Calls every served method in a realistic order and keeps each successful result as a sample.</summary>
public static class SampleScenario
{
    public static async Task<List<(string Method, JsonNode Result)>> RunAsync(SandboxHost sandbox)
    {
        var results = new List<(string Method, JsonNode Result)>();
        async Task<JsonNode> Call(string method, object? parameters = null)
        {
            var result = (await sandbox.Bot.CallAsync(method, parameters)).ShouldSucceed();
            results.Add((method, result));
            return result;
        }

        var user = await sandbox.Control.CreateUserAsync("Anna", "anna");
        await Call("getMe");
        await Call("setMyCommands", new { commands = new[] { new { command = "start", description = "Start" } }, language_code = "de" });
        await Call("getMyCommands", new { language_code = "de" });
        await Call("deleteMyCommands");
        await sandbox.Control.SendTextAsync(user, "/start");
        await Call("sendChatAction", new { chat_id = user, action = "typing" });
        var question = await Call("sendMessage", new { chat_id = user, text = "<b>Frage</b> <a href=\"https://example.org\">x</a>", parse_mode = "HTML", reply_markup = Keyboards.Inline(("A", "a")) });
        var id = question["message_id"]!.GetValue<int>();
        var queryId = await sandbox.Control.PressAsync(user, id, "a");
        await Call("answerCallbackQuery", new { callback_query_id = queryId, text = "ok" });
        await Call("editMessageText", new { chat_id = user, message_id = id, text = "Antwort", reply_markup = Keyboards.Inline(("Weiter", "n")) });
        await Call("editMessageReplyMarkup", new { chat_id = user, message_id = id });
        var document = (await sandbox.Bot.MultipartAsync("sendDocument", new Dictionary<string, string> { ["chat_id"] = user.ToString(), ["caption"] = "Daten" },
            new Dictionary<string, (string, byte[])> { ["document"] = ("daten.json", "{}"u8.ToArray()) })).ShouldSucceed();
        results.Add(("sendDocument", document));
        var invoice = await Call("sendInvoice", Updates.Invoice(user));
        var link = Updates.Invoice(0);
        link.Remove("chat_id");
        link["subscription_period"] = 2_592_000;
        var url = (await Call("createInvoiceLink", link)).GetValue<string>();
        var paying = sandbox.Control.PayAsync(user, invoice["message_id"]!.GetValue<int>());
        var query = await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query");
        var firstQueryId = query["pre_checkout_query"]!["id"]!.GetValue<string>();
        await Call("answerPreCheckoutQuery", new { pre_checkout_query_id = firstQueryId, ok = true });
        var charge = (await paying)["telegramPaymentChargeId"]!.GetValue<string>();
        var subscribing = sandbox.Control.PayAsync(user, invoiceSlug: url);
        query = await Updates.WaitForAsync(sandbox.Bot, "pre_checkout_query", q => q["id"]!.GetValue<string>() != firstQueryId);
        await Call("answerPreCheckoutQuery", new { pre_checkout_query_id = query["pre_checkout_query"]!["id"]!.GetValue<string>(), ok = true });
        var subscription = (await subscribing)["telegramPaymentChargeId"]!.GetValue<string>();
        await Call("editUserStarSubscription", new { user_id = user, telegram_payment_charge_id = subscription, is_canceled = true });
        await Call("editUserStarSubscription", new { user_id = user, telegram_payment_charge_id = subscription });
        await sandbox.Control.ReenableSubscriptionAsync(user, subscription);
        Assert.Equal("paid", (await sandbox.Control.RenewAsync(user, subscription))["status"]!.GetValue<string>());
        await Call("refundStarPayment", new { user_id = user, telegram_payment_charge_id = charge });
        await Call("getStarTransactions");
        await sandbox.Control.BlockAsync(user);
        await sandbox.Control.UnblockAsync(user);
        await Call("getUpdates");
        await Call("deleteMessage", new { chat_id = user, message_id = id });
        await Call("setWebhook", new { url = "http://127.0.0.1:9/hook", secret_token = "abc" });
        await sandbox.Control.SendTextAsync(user, "Hallo");
        await Task.Delay(300);
        await Call("getWebhookInfo");
        await Call("deleteWebhook");
        return results;
    }
}
