using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Quiz.Bot.Transport;

namespace Quiz.Bot.Tests;

/// <summary><c>quiz.bot.webhook.duration</c>: one measurement per delivery, tagged with what became of it.</summary>
public sealed class WebhookMetricsTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private const string Update =
        """{"update_id":5151,"message":{"message_id":1,"date":1764240000,"chat":{"id":556,"type":"private","first_name":"Eve"},"from":{"id":556,"is_bot":false,"first_name":"Eve"},"text":"/hilfe"}}""";

    private async Task<HttpStatusCode> PostAsync(string body, string secret)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        return (await http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Each_delivery_records_its_handling_time_once_with_its_outcome()
    {
        using var collector = new MetricCollector<double>(factory.Services.GetRequiredService<IMeterFactory>(), BotMetrics.MeterName, "quiz.bot.webhook.duration");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update, WebhookFactory.Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update, WebhookFactory.Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Update, "wrong-secret-0123456789"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{not json", WebhookFactory.Secret));

        var outcomes = collector.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]?.ToString()).ToList();
        Assert.Equal(["handled", "duplicate", "unauthorized", "malformed"], outcomes);
        Assert.All(collector.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 60));
    }
}
