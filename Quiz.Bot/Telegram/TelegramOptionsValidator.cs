using Microsoft.Extensions.Options;

namespace Quiz.Bot.Telegram;

/// <summary>The rules data annotations cannot say: a webhook needs a secret, and a secret that is set may not be blank.</summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        // An empty string passes [RegularExpression]; as a secret it would match a request without the header.
        if (options.WebhookSecret is { } secret && string.IsNullOrWhiteSpace(secret))
        {
            return ValidateOptionsResult.Fail("Telegram:WebhookSecret is set but blank; remove it or give it 16–256 characters.");
        }
        return options.UsesWebhook && options.WebhookSecret is null
            ? ValidateOptionsResult.Fail("Telegram:WebhookSecret is required when Telegram:WebhookUrl is set.")
            : ValidateOptionsResult.Success;
    }
}
