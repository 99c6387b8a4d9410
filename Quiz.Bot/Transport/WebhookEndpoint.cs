using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Quiz.Bot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Quiz.Bot.Transport;

public static partial class WebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Only in webhook mode: a bot that polls has no webhook, and its path answers 404 to anyone who posts.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.UsesWebhook)
        {
            app.MapPost(Path, HandleAsync).DisableAntiforgery().AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// The secret is checked before a byte of the body is read; the body is bounded; a body that is
    /// not an update is a 400 with a log line. 200 tells Telegram the update is done (handled or a
    /// duplicate), 503 asks it to deliver again later.
    /// </summary>
    private static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<TelegramOptions> options,
        UpdatePipeline pipeline,
        HandlingDeadline deadline,
        BotMetrics metrics,
        ILoggerFactory loggers)
    {
        // The handling time by outcome (quiz.bot.webhook.duration); an exception that escapes is the outcome "error".
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            (var result, outcome) = await HandleDeliveryAsync(context, options.Value, pipeline, deadline, loggers);
            return result;
        }
        finally
        {
            metrics.WebhookHandled(outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<(IResult Result, string Outcome)> HandleDeliveryAsync(
        HttpContext context, TelegramOptions o, UpdatePipeline pipeline, HandlingDeadline deadline, ILoggerFactory loggers)
    {
        if (string.IsNullOrEmpty(o.WebhookSecret) || !SecretTokenComparer.Matches(context.Request.Headers[SecretHeader], o.WebhookSecret))
        {
            return (TypedResults.Unauthorized(), "unauthorized");
        }
        if (context.Request.ContentLength > o.MaxWebhookBodyBytes)
        {
            return (TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge), "too_large");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = o.MaxWebhookBodyBytes;
        }

        var logger = loggers.CreateLogger("Quiz.Bot.Webhook");
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return (TypedResults.BadRequest(), "malformed");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge), "too_large");
        }
        if (update is null || update.Id <= 0)
        {
            LogMalformed(logger, "no update_id");
            return (TypedResults.BadRequest(), "malformed");
        }

        // Neither RequestAborted nor the stopping token: once accepted, an update is finished even if
        // Telegram hangs up or a graceful shutdown begins; only the shutdown deadline cuts it off.
        var outcome = await pipeline.ProcessAsync(update, deadline.Token);
        return outcome == UpdateOutcome.RetryLater
            ? (TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable), "retry")
            : (TypedResults.Ok(), outcome.ToString().ToLowerInvariant());
    }

    [LoggerMessage(LogLevel.Warning, "Malformed webhook body rejected: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);
}
