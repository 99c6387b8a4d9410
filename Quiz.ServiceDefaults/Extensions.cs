using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quiz.ServiceDefaults.Redaction;

namespace Quiz.ServiceDefaults;

/// <summary>
/// What every Quiz service shares: telemetry, health endpoints, service discovery, resilient HTTP
/// clients and structured logs.
/// </summary>
public static class Extensions
{
    public const string LiveTag = "live";
    public const string HealthPath = "/health";
    public const string ReadyPath = "/ready";
    public const string MetricsPath = "/metrics";
    public const string SecretsDirectoryVariable = "QUIZ_SECRETS_DIR";

    /// <summary>
    /// Meter names of the Quiz services (each service makes its one meter through IMeterFactory) and of the readiness
    /// gauge every service has (<see cref="HealthMetrics"/>); PostgreSQL's telemetry comes from the Aspire Npgsql EF integration.
    /// </summary>
    public static readonly string[] QuizMeters = ["Quiz.Core", "Quiz.Bot", "Quiz.Worker", "Quiz.Admin", HealthMetrics.MeterName];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddSecretFiles();
        builder.ConfigureStructuredLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Secrets as files (deploy/compose.yaml): with <c>QUIZ_SECRETS_DIR</c> set, every file in that directory is a
    /// setting named like the file (<c>Telegram__BotToken</c> → <c>Telegram:BotToken</c>), read before telemetry
    /// learns which values to redact. Files win over environment variables, so a secret never needs to be in one.
    /// </summary>
    public static TBuilder AddSecretFiles<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var directory = builder.Configuration[SecretsDirectoryVariable];
        if (!string.IsNullOrWhiteSpace(directory))
        {
            builder.Configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: false);
        }
        return builder;
    }

    /// <summary>JSON console logs everywhere but in Development, where people read them.</summary>
    public static TBuilder ConfigureStructuredLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Secrets never leave the process: both processors run before any exporter (docs/security.md).
        var secrets = TelemetrySecrets.From(builder.Configuration);
        builder.Services.AddSingleton(secrets);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new RedactingLogProcessor(secrets));
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(QuizMeters)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.From(builder.Configuration))
                .AddProcessor(new RedactingActivityProcessor(secrets))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("Quartz")
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath)
                    && !context.Request.Path.StartsWithSegments(ReadyPath)
                    && !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetrics>();
        builder.Services.AddManagementNetwork();
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: the process is alive. <c>/ready</c>: every registered check (database,
    /// migrations, Redis) passes. <c>/metrics</c>: Prometheus scrape. The last two only for the management
    /// network (<see cref="ManagementNetworkOptions"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseManagementNetwork(ReadyPath, MetricsPath);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .DisableHttpMetrics().AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
