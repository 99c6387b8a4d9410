using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Quiz.ServiceDefaults;

namespace Quiz.IntegrationTests.Security;

/// <summary>
/// What a service built with the service defaults exports: no configured secret and no Bot API token, in any
/// span name, attribute, event or log (docs/security.md, "bot token in traces").
/// </summary>
public sealed class TelemetryRedactionTests
{
    // A made-up value in the token's shape (digits, colon, secret part); no real token looks like this.
    private const string BotToken = "424242:fake-token-for-redaction-tests";
    private const string WebhookSecret = "webhook-secret-0123456789abcdef";
    private const string ApiToken = "admin-api-token-0123456789abcdef";
    private const string LocalKey = "local-key-0123456789";
    private const string ClientSecret = "oidc-client-secret-0123456789";
    private static readonly string[] Secrets = [BotToken, "fake-token-for-redaction-tests", WebhookSecret, ApiToken, LocalKey, ClientSecret];

    [Fact]
    public async Task Bot_api_calls_log_lines_and_exceptions_are_exported_without_any_secret()
    {
        var exported = new Collector();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken, ["Telegram:WebhookSecret"] = WebhookSecret, ["Admin:Api:Token"] = ApiToken,
            ["Admin:Auth:LocalKey"] = LocalKey, ["Admin:Auth:ClientSecret"] = ClientSecret,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddProcessor(new SimpleActivityExportProcessor(exported.Spans)));
        builder.Logging.AddOpenTelemetry(o => o.AddProcessor(new SimpleLogRecordExportProcessor(exported.Logs)));
        await using var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // A Bot API call (client span with url.full, server span with url.path), a log line and a failure naming secrets.
        using var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        using var response = await http.GetAsync($"{address}/bot{BotToken}/getMe");
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quiz.Bot.Test");
        log.LogWarning("Calling https://api.telegram.org/bot{Token}/sendMessage with {Secret} and {ApiToken}", BotToken, WebhookSecret, ApiToken);
        log.LogError(new InvalidOperationException($"failed at /bot{BotToken}/x with {ClientSecret}"), "login with {Key} failed", LocalKey);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(exported.Texts, t => t.Contains("/bot" + "[redacted]/getMe", StringComparison.Ordinal));
        Assert.Contains(exported.Texts, t => t.Contains("login with [redacted] failed", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(exported.Texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>Keeps every exported span and log record as text, at the moment of export.</summary>
    private sealed class Collector
    {
        private readonly List<string> texts = [];

        public Collector()
        {
            Spans = new SpanExporter(this);
            Logs = new LogExporter(this);
        }

        public BaseExporter<Activity> Spans { get; }
        public BaseExporter<LogRecord> Logs { get; }

        public IReadOnlyList<string> Texts
        {
            get { lock (texts) return [.. texts]; }
        }

        private void Add(IEnumerable<string?> parts)
        {
            lock (texts) texts.AddRange(parts.OfType<string>());
        }

        private sealed class SpanExporter(Collector collector) : BaseExporter<Activity>
        {
            public override ExportResult Export(in Batch<Activity> batch)
            {
                foreach (var span in batch)
                {
                    collector.Add([span.DisplayName, span.StatusDescription, .. span.TagObjects.Select(t => t.Value?.ToString()),
                        .. span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString()))]);
                }
                return ExportResult.Success;
            }
        }

        private sealed class LogExporter(Collector collector) : BaseExporter<LogRecord>
        {
            public override ExportResult Export(in Batch<LogRecord> batch)
            {
                foreach (var record in batch)
                {
                    collector.Add([record.FormattedMessage, record.Body, record.Exception?.ToString(), record.Exception?.Message,
                        .. (record.Attributes ?? []).Select(a => a.Value?.ToString())]);
                }
                return ExportResult.Success;
            }
        }
    }
}
