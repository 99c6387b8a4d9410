using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Quiz.Bot.Telegram;

public static class TelegramSetup
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// A typed <see cref="ITelegramBotClient"/> over <see cref="IHttpClientFactory"/>. Its loggers are
    /// removed (the token is in every URL) and so are the default resilience handlers: a retried
    /// sendMessage would be a duplicate message, and 429s are honoured by our own code.
    /// </summary>
    public static IServiceCollection AddTelegramClient(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

#pragma warning disable EXTEXP0001 // evaluation API; the alternative is a client without service defaults
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .RemoveAllResilienceHandlers()
            .ConfigureHttpClient(http => http.Timeout = TimeSpan.FromSeconds(70))
            // Singletons (outbox executor, startup) keep their client for the process's life:
            // connections are renewed anyway, so a changed DNS entry of the Bot API is followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                var clientOptions = new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl)
                {
                    // No built-in 429 waits (up to 60 s): the dispatcher reschedules instead.
                    RetryThreshold = 0,
                    RetryCount = 0,
                };
                return new TelegramBotClient(clientOptions, http);
            });
#pragma warning restore EXTEXP0001
        return services;
    }
}
