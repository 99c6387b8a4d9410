using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Control;
using Quiz.TelegramSandbox.Delivery;
using Quiz.TelegramSandbox.State;

namespace Quiz.TelegramSandbox;

public static class SandboxServiceExtensions
{
    /// <summary>Everything lives in memory as singletons: the sandbox is one Telegram for one bot.</summary>
    public static WebApplicationBuilder AddSandboxServices(this WebApplicationBuilder builder)
    {
        SandboxGuard.EnsureDevelopmentOnLoopback(builder);
        builder.Services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProblemDetails();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxSettings>();
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<UpdateQueue>();
        services.AddSingleton<WebhookState>();
        services.AddSingleton<CallLog>();
        services.AddSingleton<CallbackRegistry>();
        services.AddSingleton<CommandStore>();
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton<RefundRefusals>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<IBotMethodGroup, UpdateMethods>();
        services.AddSingleton<IBotMethodGroup, ChatMethods>();
        services.AddSingleton<IBotMethodGroup, MessageMethods>();
        services.AddSingleton<IBotMethodGroup, DocumentMethods>();
        services.AddSingleton<IBotMethodGroup, PaymentMethods>();
        services.AddSingleton<BotMethodRouter>();
        services.AddSingleton<BotApiEndpoint>();
        services.AddSingleton<SimulatedUsers>();
        services.AddSingleton<PaymentSimulator>();
        services.AddSingleton<SubscriptionSimulator>();
        services.AddSingleton<SandboxReset>();
        // No handler logging: webhook URLs are the bot's and may carry secrets in their path.
        services.AddHttpClient(WebhookDispatcher.HttpClientName).RemoveAllLoggers();
        services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapMethods("/bot{token}/{method}", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, string token, string method, BotApiEndpoint endpoint) => endpoint.HandleAsync(context, token, method));

        app.MapGroup("/sandbox/api")
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (ControlProblem problem)
                {
                    return Results.Json(new ControlError(problem.Message), statusCode: problem.StatusCode);
                }
            })
            .MapControlUsers()
            .MapControlSystem();

        app.MapGet("/health", () => TypedResults.Text("Healthy"));
        app.MapGet("/ready", () => TypedResults.Text("Healthy"));
        return app;
    }
}
