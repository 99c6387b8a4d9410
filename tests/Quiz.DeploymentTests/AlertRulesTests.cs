using Quiz.Testing;
using YamlDotNet.RepresentationModel;

namespace Quiz.DeploymentTests;

/// <summary>
/// Issue #13 item 5: deploy/prometheus as Prometheus' own checker reads it (Debian's promtool, the 2.42 line compose.yaml
/// runs), the test series of every alert, and what each alert promises an operator (a duration, a severity, a runbook
/// that names it). That the metrics they read exist is <see cref="PublishedMetricsTests"/>.
/// </summary>
public sealed class AlertRulesTests
{
    private static readonly string[] Required =
    [
        "QuizWebhookErrors", "QuizOutboxBacklogOld", "QuizInteractiveBacklog", "QuizDeadLetters", "QuizReconciliationDifferences", "QuizWorkerDown",
        "QuizSchedulerStalled", "QuizDatabaseNotReady", "QuizPaymentConfirmationsFailing", "QuizBackupTooOld",
    ];

    [Fact]
    public void Promtool_accepts_the_rules_and_the_configuration()
    {
        var (rulesExit, rules) = AlertRules.Promtool("check", "rules", "alerts.yml");
        Assert.True(rulesExit == 0, rules);
        Assert.Contains($"SUCCESS: {AlertRules.Load().Count} rules found", rules, StringComparison.Ordinal);
        var (configExit, config) = AlertRules.Promtool("check", "config", "prometheus.yml");
        Assert.True(configExit == 0, config);
    }

    [Fact]
    public void Promtool_passes_the_test_series_of_the_alerts()
    {
        var (exit, output) = AlertRules.Promtool("test", "rules", "alerts.test.yml");
        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_the_issue_asks_for_exists_and_each_has_series_that_fire_it_and_series_that_do_not()
    {
        var alerts = AlertRules.Load().Select(a => a.Name).ToList();
        Assert.Empty(Required.Except(alerts));
        var tests = File.ReadAllText(Path.Combine(AlertRules.Directory, "alerts.test.yml"));
        var stream = new YamlStream();
        stream.Load(new StringReader(tests));
        var checks = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["tests"]).Children.Cast<YamlMappingNode>()
            .SelectMany(t => ((YamlSequenceNode)t["alert_rule_test"]).Children.Cast<YamlMappingNode>())
            .Select(c => (Name: ((YamlScalarNode)c["alertname"]).Value!, Fires: ((YamlSequenceNode)c["exp_alerts"]).Children.Count > 0))
            .ToList();
        foreach (var alert in alerts)
        {
            Assert.True(checks.Contains((alert, true)), $"{alert}: no series that fire it");
            Assert.True(checks.Contains((alert, false)), $"{alert}: no series that leave it quiet");
        }
    }

    [Fact]
    public void Every_alert_waits_has_a_severity_says_what_happened_and_links_a_runbook_that_names_it()
    {
        var root = TestEnvironment.RepositoryRoot();
        foreach (var alert in AlertRules.Load())
        {
            Assert.False(string.IsNullOrEmpty(alert.For), $"{alert.Name}: no 'for'");
            Assert.Contains(alert.Labels.GetValueOrDefault("severity"), new[] { "critical", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(alert.Annotations.GetValueOrDefault("summary")), $"{alert.Name}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(alert.Annotations.GetValueOrDefault("description")), $"{alert.Name}: no description");
            var runbook = alert.Annotations.GetValueOrDefault("runbook_url") ?? "";
            Assert.Matches("^docs/runbooks/[a-z-]+\\.md$", runbook);
            var path = Path.Combine(root, runbook);
            Assert.True(File.Exists(path), $"{alert.Name}: {runbook} does not exist");
            Assert.Contains($"`{alert.Name}`", File.ReadAllText(path), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Prometheus_runs_in_compose_inside_the_backend_network_with_these_files_and_scrapes_the_three_apps()
    {
        var compose = ComposeFile.Load();
        var prometheus = compose.Service("prometheus");
        var volumes = ((YamlSequenceNode)prometheus["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
        Assert.Contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", volumes);
        Assert.Contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro", volumes);
        Assert.Equal("backend", ((YamlScalarNode)((YamlSequenceNode)prometheus["networks"]).Children.Single()).Value);

        var config = File.ReadAllText(Path.Combine(AlertRules.Directory, "prometheus.yml"));
        foreach (var app in new[] { "bot", "worker", "admin" })
        {
            Assert.Contains($"job_name: {app}", config, StringComparison.Ordinal);
            Assert.Contains($"targets: [\"{app}:8080\"]", config, StringComparison.Ordinal);
            // The apps answer /metrics only inside their management network, which is compose's backend subnet.
            Assert.Contains("172.30.1.0/24", compose.Environment(app).Values);
        }
    }
}
