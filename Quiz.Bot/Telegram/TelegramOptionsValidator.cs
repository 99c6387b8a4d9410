using Microsoft.Extensions.Options;

namespace Quiz.Bot.Telegram;

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        options.UsesWebhook && string.IsNullOrWhiteSpace(options.WebhookSecret)
            ? ValidateOptionsResult.Fail("Telegram:WebhookSecret is required when Telegram:WebhookUrl is set.")
            : ValidateOptionsResult.Success;
}
