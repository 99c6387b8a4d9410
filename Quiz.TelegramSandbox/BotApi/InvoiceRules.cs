using System.Text;
using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.State;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>Telegram's rules for invoices payable in Stars (XTR).</summary>
public static class InvoiceRules
{
    public const string Stars = "XTR";
    public const int SubscriptionPeriod = 2_592_000;
    public const int MaxStars = 10_000;

    public static InvoiceTerms Read(BotParameters p, bool isLink)
    {
        var title = p.String("title") ?? "";
        if (title.Length is < 1 or > 32)
        {
            throw ErrorTexts.Rpc("TITLE_INVALID");
        }

        var description = p.String("description") ?? "";
        if (description.Length is < 1 or > 255)
        {
            throw ErrorTexts.Rpc("DESCRIPTION_INVALID");
        }

        var payload = p.String("payload") ?? "";
        if (Encoding.UTF8.GetByteCount(payload) is < 1 or > 128)
        {
            throw ErrorTexts.Rpc("INVOICE_PAYLOAD_INVALID");
        }

        if (p.String("currency") != Stars)
        {
            throw ErrorTexts.Rpc("CURRENCY_INVALID");
        }

        if (!string.IsNullOrEmpty(p.String("provider_token")))
        {
            throw ErrorTexts.Rpc("PAYMENT_PROVIDER_INVALID");
        }

        if ((p.Int("max_tip_amount") ?? 0) != 0)
        {
            throw ErrorTexts.Rpc("STARS_INVOICE_INVALID");
        }

        var amount = ReadSinglePrice(p.Json("prices"));
        int? period = null;
        if (isLink && p.Int("subscription_period") is { } requested)
        {
            period = requested == SubscriptionPeriod ? requested : throw ErrorTexts.Rpc("SUBSCRIPTION_PERIOD_INVALID");
        }

        var start = isLink ? "" : p.String("start_parameter") ?? "";
        return new InvoiceTerms(title, description, payload, Stars, amount, start, period, p.String("photo_url"));
    }

    /// <summary>Stars invoices carry exactly one LabeledPrice.</summary>
    private static int ReadSinglePrice(JsonNode? prices)
    {
        if (prices is not JsonArray { Count: 1 } array || array[0] is not JsonObject price)
        {
            throw ErrorTexts.Rpc("STARS_INVOICE_INVALID");
        }

        var label = price["label"] is JsonValue l && l.TryGetValue(out string? ls) ? ls : null;
        var amount = price["amount"] is JsonValue a && a.TryGetValue(out int value) ? value : (int?)null;
        if (string.IsNullOrEmpty(label) || amount is null)
        {
            throw ErrorTexts.Rpc("STARS_INVOICE_INVALID");
        }

        return amount is < 1 or > MaxStars ? throw ErrorTexts.Rpc("CURRENCY_TOTAL_AMOUNT_INVALID") : amount.Value;
    }
}
