using Microsoft.Extensions.Hosting;
using Quiz.ServiceDefaults;

namespace Quiz.AppHost;

/// <summary>
/// With a bot token (parameter <c>bot-token</c>) the bot talks to the real Telegram: webhook when
/// <c>Telegram:WebhookUrl</c> (public HTTPS) is configured, long polling otherwise. Without a token
/// the Telegram sandbox stands in and the bot receives its updates by webhook from it.
/// </summary>
internal static class TelegramResources
{
    /// <summary>Not a secret: it only opens the local sandbox.</summary>
    public const string SandboxToken = "123456:sandbox-token-for-local-runs";

    public static IResourceBuilder<ProjectResource> WithTelegram(this IResourceBuilder<ProjectResource> bot, IDistributedApplicationBuilder builder)
    {
        var webhookSecret = builder.AddParameter(
            QuizResources.TelegramWebhookSecretParameter,
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true,
            persist: true);

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{QuizResources.BotTokenParameter}"]))
        {
            var token = builder.AddParameter(QuizResources.BotTokenParameter, secret: true);
            bot.WithEnvironment("Telegram__BotToken", token);
            if (builder.Configuration["Telegram:WebhookUrl"] is { Length: > 0 } publicUrl)
            {
                bot.WithEnvironment("Telegram__WebhookUrl", publicUrl).WithEnvironment("Telegram__WebhookSecret", webhookSecret);
            }
            else if (ScaleSettings.Replicas(builder.Configuration, ScaleSettings.BotReplicas) > 1)
            {
                // Telegram serves getUpdates to one caller at a time (409 Conflict for the others).
                throw new InvalidOperationException(
                    $"Long polling (no Telegram:WebhookUrl) runs in one bot process: set Telegram:WebhookUrl or {ScaleSettings.Section}:{ScaleSettings.BotReplicas}=1.");
            }
            return bot;
        }

        // No token: the sandbox stands in, but only for a developer's machine (it can invent users and payments).
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"No bot token in the '{builder.Environment.EnvironmentName}' environment: set the parameter '{QuizResources.BotTokenParameter}' "
                + $"(user secret Parameters:{QuizResources.BotTokenParameter} or environment variable Parameters__{QuizResources.BotTokenParameter}). "
                + "The Telegram sandbox runs only in Development.");
        }
        var sandbox = builder.AddProject<Projects.Quiz_TelegramSandbox>(QuizResources.TelegramSandbox)
            .WithEnvironment("Sandbox__BotToken", SandboxToken)
            .WithHttpHealthCheck("/health");

        return bot
            .WithEnvironment("Telegram__BotToken", SandboxToken)
            .WithEnvironment("Telegram__ApiBaseUrl", sandbox.GetEndpoint("http"))
            .WithEnvironment("Telegram__WebhookUrl", ReferenceExpression.Create($"{bot.GetEndpoint("http")}/telegram/webhook"))
            .WithEnvironment("Telegram__WebhookSecret", webhookSecret)
            .WaitFor(sandbox);
    }
}
