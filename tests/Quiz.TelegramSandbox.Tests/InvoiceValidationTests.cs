using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>Telegram's rules for Stars invoices.</summary>
public sealed class InvoiceValidationTests
{
    private static async Task<ApiReply> SendInvoiceWith(SandboxHost sandbox, string field, object? value)
    {
        var chat = await sandbox.Control.CreateUserAsync();
        var invoice = Updates.Invoice(chat);
        invoice[field] = value;
        return await sandbox.Bot.CallAsync("sendInvoice", invoice);
    }

    [Fact]
    public async Task SendInvoice_with_valid_stars_invoice_creates_an_invoice_message()
    {
        await using var sandbox = SandboxHost.Start();
        var chat = await sandbox.Control.CreateUserAsync();
        var message = (await sandbox.Bot.CallAsync("sendInvoice", Updates.Invoice(chat, 75))).ShouldSucceed();
        Assert.Equal("XTR", message["invoice"]!["currency"]!.GetValue<string>());
        Assert.Equal(75, message["invoice"]!["total_amount"]!.GetValue<int>());
        Assert.Equal("", message["invoice"]!["start_parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendInvoice_with_currency_other_than_XTR_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "currency", "EUR")).ShouldFail(400, "Bad Request: CURRENCY_INVALID");
    }

    [Fact]
    public async Task SendInvoice_with_provider_token_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "provider_token", "284685063:TEST:abc")).ShouldFail(400, "Bad Request: PAYMENT_PROVIDER_INVALID");
    }

    [Fact]
    public async Task SendInvoice_with_more_than_one_price_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var prices = new[] { new { label = "A", amount = 1 }, new { label = "B", amount = 2 } };
        (await SendInvoiceWith(sandbox, "prices", prices)).ShouldFail(400, "Bad Request: STARS_INVOICE_INVALID");
    }

    [Fact]
    public async Task SendInvoice_with_amount_outside_1_to_10000_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "prices", new[] { new { label = "A", amount = 0 } })).ShouldFail(400, "Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
        (await SendInvoiceWith(sandbox, "prices", new[] { new { label = "A", amount = 10_001 } })).ShouldFail(400, "Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    }

    [Fact]
    public async Task SendInvoice_with_payload_over_128_bytes_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "payload", new string('ü', 65))).ShouldFail(400, "Bad Request: INVOICE_PAYLOAD_INVALID");
        (await SendInvoiceWith(sandbox, "payload", new string('ü', 64))).ShouldSucceed();
    }

    [Fact]
    public async Task SendInvoice_with_title_over_32_chars_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "title", new string('T', 33))).ShouldFail(400, "Bad Request: TITLE_INVALID");
    }

    [Fact]
    public async Task SendInvoice_with_description_over_255_chars_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "description", new string('d', 256))).ShouldFail(400, "Bad Request: DESCRIPTION_INVALID");
    }

    [Fact]
    public async Task SendInvoice_whose_first_button_is_not_pay_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        (await SendInvoiceWith(sandbox, "reply_markup", Keyboards.Inline(("Abbrechen", "x")))).ShouldFail(400, "Bad Request: REPLY_MARKUP_BUY_EMPTY");
    }

    [Fact]
    public async Task CreateInvoiceLink_with_subscription_period_other_than_30_days_is_rejected()
    {
        await using var sandbox = SandboxHost.Start();
        var link = Updates.Invoice(0);
        link.Remove("chat_id");
        link["subscription_period"] = 604_800;
        (await sandbox.Bot.CallAsync("createInvoiceLink", link)).ShouldFail(400, "Bad Request: SUBSCRIPTION_PERIOD_INVALID");

        link["subscription_period"] = 2_592_000;
        Assert.StartsWith("https://t.me/$", (await sandbox.Bot.CallAsync("createInvoiceLink", link)).ShouldSucceed().GetValue<string>());
    }
}
