using Quiz.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>
/// The unmodified Telegram.Bot client against the sandbox over real HTTP (Kestrel on 127.0.0.1):
/// if the client can read every answer, the wire format is faithful.
/// </summary>
public sealed class TelegramBotClientTests
{
    private static TelegramBotClient Client(SandboxHost sandbox, HttpClient http) =>
        new(new TelegramBotClientOptions(SandboxHost.Token, sandbox.BaseAddress.ToString().TrimEnd('/'))
        {
            // The client's own 429 retry would wait up to 60 s; tests want to see the 429 itself.
            RetryThreshold = 0,
            RetryCount = 0,
        }, http);

    [Fact]
    public async Task Client_reads_getMe_sendMessage_edit_and_callback_answers()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync("Anna", "anna");

        var me = await bot.GetMe();
        var sent = await bot.SendMessage(user, "<b>Frage 1/10</b> · Geografie", ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("A", "q:1:a"), InlineKeyboardButton.WithCallbackData("B", "q:1:b")]]));
        var queryId = await sandbox.Control.PressAsync(user, sent.MessageId, "q:1:b");
        var updates = await bot.GetUpdates(timeout: 5);
        await bot.AnswerCallbackQuery(queryId, "❌ Leider falsch");
        var edited = await bot.EditMessageText(user, sent.MessageId, "❌ Falsch – richtig war A");

        Assert.True(me.IsBot);
        Assert.Equal("QuizSandboxBot", me.Username);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities!).Type);
        Assert.Equal("Frage 1/10 · Geografie", sent.Text);
        Assert.InRange(sent.Date, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        var callback = Assert.Single(updates).CallbackQuery!;
        Assert.Equal("q:1:b", callback.Data);
        Assert.Equal(user, callback.From.Id);
        Assert.NotNull(edited.EditDate);
        Assert.Null(edited.ReplyMarkup);
        Assert.True((await sandbox.Control.CallbackAsync(user, queryId))["answered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Client_long_poll_returns_when_a_simulated_user_writes()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync();

        var poll = bot.GetUpdates(timeout: 20);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        await sandbox.Control.SendTextAsync(user, "/start duell_ab12");
        var update = Assert.Single(await poll.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal("/start duell_ab12", update.Message!.Text);
        Assert.Equal(MessageEntityType.BotCommand, update.Message.Entities![0].Type);
        Assert.Equal(6, update.Message.Entities[0].Length);
        Assert.Empty(await bot.GetUpdates(offset: update.Id + 1));
    }

    [Fact]
    public async Task Client_runs_invoice_payment_refund_and_transactions()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync();

        var invoice = await bot.SendInvoice(user, "10 Spiele", "Zehn Spiele für Dich", "inv-42", "XTR", [new LabeledPrice("10 Spiele", 50)]);
        var paying = sandbox.Control.PayAsync(user, invoice.MessageId);
        var preCheckout = (await bot.GetUpdates(timeout: 10)).Single().PreCheckoutQuery!;
        await bot.AnswerPreCheckoutQuery(preCheckout.Id);
        var paid = await paying;
        var payment = (await bot.GetUpdates(offset: 0, timeout: 10)).Last().Message!.SuccessfulPayment!;
        await bot.RefundStarPayment(user, payment.TelegramPaymentChargeId);
        var transactions = await bot.GetStarTransactions();

        Assert.Equal(50, invoice.Invoice!.TotalAmount);
        Assert.Equal("inv-42", preCheckout.InvoicePayload);
        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal(paid["telegramPaymentChargeId"]!.GetValue<string>(), payment.TelegramPaymentChargeId);
        Assert.Equal("XTR", payment.Currency);
        Assert.Equal(2, transactions.Transactions.Length);
        Assert.Equal(payment.TelegramPaymentChargeId, transactions.Transactions[0].Id);

        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.RefundStarPayment(user, payment.TelegramPaymentChargeId));
        Assert.Equal(400, twice.ErrorCode);
        Assert.Equal("Bad Request: CHARGE_ALREADY_REFUNDED", twice.Message);
    }

    [Fact]
    public async Task Client_cancels_and_allows_re_enabling_a_star_subscription_and_reads_the_renewal()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var (user, charge, expiresAt) = await SubscriptionTests.SubscribeAsync(sandbox);

        await bot.EditUserStarSubscription(user, charge, isCanceled: true);
        var refused = await sandbox.Control.RenewAsync(user, charge);
        await bot.EditUserStarSubscription(user, charge, isCanceled: false);
        var stillOff = await sandbox.Control.RenewAsync(user, charge);
        await sandbox.Control.ReenableSubscriptionAsync(user, charge);
        var renewed = await sandbox.Control.RenewAsync(user, charge);
        var payment = (await bot.GetUpdates()).Last().Message!.SuccessfulPayment!;
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditUserStarSubscription(user, "stxnope", isCanceled: true));

        Assert.Equal("canceled", refused["status"]!.GetValue<string>());
        Assert.Equal("canceled", stillOff["status"]!.GetValue<string>());
        Assert.Equal("paid", renewed["status"]!.GetValue<string>());
        Assert.Equal(renewed["telegramPaymentChargeId"]!.GetValue<string>(), payment.TelegramPaymentChargeId);
        Assert.True(payment.IsRecurring);
        Assert.False(payment.IsFirstRecurring);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expiresAt + 2_592_000).UtcDateTime, payment.SubscriptionExpirationDate);
        Assert.Equal(400, unknown.ErrorCode);
        Assert.Equal("Bad Request: CHARGE_NOT_FOUND", unknown.Message);
    }

    [Fact]
    public async Task Client_sets_and_reads_webhook_and_getUpdates_then_conflicts()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);

        await bot.SetWebhook("http://127.0.0.1:9/telegram", maxConnections: 7, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], secretToken: "s3cr3t_-");
        var info = await bot.GetWebhookInfo();
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates());
        await bot.DeleteWebhook();

        Assert.Equal("http://127.0.0.1:9/telegram", info.Url);
        Assert.Equal(7, info.MaxConnections);
        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery], info.AllowedUpdates!.Order());
        Assert.Equal(409, conflict.ErrorCode);
        Assert.StartsWith("Conflict: can't use getUpdates method while webhook is active", conflict.Message, StringComparison.Ordinal);
        Assert.Empty(await bot.GetUpdates());
    }

    [Fact]
    public async Task Client_exception_carries_error_code_description_and_retry_after()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true, rateLimits: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync();

        var notFound = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(1_000_000_001, "Hallo"));
        ApiRequestException? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            try
            {
                await bot.SendMessage(user, $"Nachricht {i}");
            }
            catch (ApiRequestException e)
            {
                limited = e;
            }
        }

        Assert.Equal(400, notFound.ErrorCode);
        Assert.Equal("Bad Request: chat not found", notFound.Message);
        Assert.NotNull(limited);
        Assert.Equal(429, limited.ErrorCode);
        Assert.StartsWith("Too Many Requests: retry after ", limited.Message, StringComparison.Ordinal);
        Assert.True(limited.Parameters?.RetryAfter >= 1);
    }

    [Fact]
    public async Task A_seeded_star_history_is_paged_by_offset_oldest_first_and_its_payments_can_be_refunded()
    {
        await using var sandbox = SandboxHost.Start(kestrel: true);
        using var http = new HttpClient();
        var bot = Client(sandbox, http);
        var user = await sandbox.Control.CreateUserAsync("Vera");

        var seeded = await sandbox.Control.SeedStarHistoryAsync(user, 250, 7, "stxhist");
        var tail = await bot.GetStarTransactions(offset: 200, limit: 100);
        await bot.RefundStarPayment(user, "stxhist0000003");
        var refund = await bot.GetStarTransactions(offset: 250, limit: 100);

        Assert.Equal((0, 250), (seeded["first"]!.GetValue<int>(), seeded["total"]!.GetValue<int>()));
        Assert.Equal(50, tail.Transactions.Length);
        Assert.Equal(("stxhist0000200", "stxhist0000249"), (tail.Transactions[0].Id, tail.Transactions[^1].Id));
        var payer = Assert.IsType<TransactionPartnerUser>(tail.Transactions[0].Source);
        Assert.Equal((user, 7), (payer.User.Id, tail.Transactions[0].Amount));
        var refunded = Assert.Single(refund.Transactions);
        Assert.Equal(("stxhist0000003", user), (refunded.Id, Assert.IsType<TransactionPartnerUser>(refunded.Receiver).User.Id));
    }
}
