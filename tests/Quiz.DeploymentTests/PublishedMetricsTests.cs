using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Quiz.DeploymentTests;

/// <summary>
/// Issue #13 item 5: every metric and label value deploy/prometheus/alerts.yml reads is exported on <c>/metrics</c> by the
/// published bot, worker and console, in Production — an alert on a name nobody exports would never fire.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed partial class PublishedMetricsTests(PublishedSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Label values an alert matches that only a failure produces (a 503 or an error of the webhook).</summary>
    private static readonly string[] OnlyOnFailure = ["outcome"];

    [Fact]
    public async Task Every_metric_an_alert_reads_is_exported_by_the_published_services()
    {
        await DeliverAnUpdateAsync();
        var wanted = AlertRules.Load().SelectMany(a => AlertRules.MetricNames(a.Expression)).ToHashSet(StringComparer.Ordinal);

        var missing = await UntilAsync(async () =>
        {
            var scraped = await ScrapeAllAsync();
            return wanted.Where(name => !Regex.IsMatch(scraped, $"(?m)^{Regex.Escape(name)}[{{ ]")).ToList();
        });

        Assert.True(missing.Count == 0, "Not exported: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_label_values_the_alerts_match_are_exported_with_the_metric_they_filter()
    {
        await DeliverAnUpdateAsync();
        var wanted = AlertRules.Load()
            .SelectMany(a => Selector().Matches(a.Expression))
            .SelectMany(m => AlertRules.Matched(m.Value).Select(l => (Metric: m.Groups["metric"].Value, l.Label, l.Value)))
            .Where(w => w.Label != "job" && !OnlyOnFailure.Contains(w.Label))
            .Distinct()
            .ToList();
        Assert.NotEmpty(wanted);

        var missing = await UntilAsync(async () =>
        {
            var scraped = await ScrapeAllAsync();
            return wanted.Where(w => !Regex.IsMatch(scraped, $"(?m)^{Regex.Escape(w.Metric)}\\{{[^}}\\n]*{Regex.Escape(w.Label)}=\"{Regex.Escape(w.Value)}\"")).ToList();
        });

        Assert.True(missing.Count == 0, "Not exported: " + string.Join(", ", missing.Select(m => $"{m.Metric}{{{m.Label}=\"{m.Value}\"}}")));
    }

    /// <summary>The webhook's handling time exists after its first delivery.</summary>
    private async Task DeliverAnUpdateAsync()
    {
        using var client = system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.Public, "telegram/webhook"))
        {
            Content = JsonContent.Create(new
            {
                update_id = 920_000 + Random.Shared.Next(10_000),
                message = new
                {
                    message_id = 1,
                    date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    chat = new { id = 78_001, type = "private", first_name = "Uwe" },
                    from = new { id = 78_001, is_bot = false, first_name = "Uwe", language_code = "de" },
                    text = "/hilfe",
                },
            }),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", system.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    /// <summary>/metrics of bot, worker and console, straight from their ports (loopback is their management network).</summary>
    private async Task<string> ScrapeAllAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var texts = await Task.WhenAll(new[] { system.BotPort, system.WorkerPort, system.AdminPort }
            .Select(port => client.GetStringAsync($"http://127.0.0.1:{port}/metrics")));
        return string.Join('\n', texts);
    }

    /// <summary>Gauges appear with the first reading, job run or health report: polls until nothing is missing or the patience ends.</summary>
    private static async Task<List<T>> UntilAsync<T>(Func<Task<List<T>>> missing)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var left = await missing();
            if (left.Count == 0 || DateTime.UtcNow > deadline) return left;
            await Task.Delay(1000);
        }
    }

    [GeneratedRegex(@"(?<metric>quiz_[a-z0-9_]+)\{[^}]*\}")]
    private static partial Regex Selector();
}
