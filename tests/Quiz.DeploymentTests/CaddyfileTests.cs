using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Quiz.DeploymentTests;

/// <summary>deploy/Caddyfile as Caddy itself reads it (Debian's caddy, the same 2.6 line compose.yaml runs).</summary>
public sealed class CaddyfileTests
{
    public static Dictionary<string, string> ProductionEnvironment => new()
    {
        ["QUIZ_DOMAIN"] = "quiz.example.org",
        ["QUIZ_TLS"] = "ops@example.org",
        ["QUIZ_BOT_HOST"] = "bot",
        ["QUIZ_BOT_PORT"] = "8080",
        ["QUIZ_ADMIN_UPSTREAM"] = "admin:8080",
    };

    [Fact]
    public void Caddy_validates_the_caddyfile_with_the_production_settings()
    {
        var (exit, output) = Caddy(["validate", "--config", CaddyfilePath, "--adapter", "caddyfile"], ProductionEnvironment);
        Assert.True(exit == 0, output);
        Assert.Contains("Valid configuration", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_webhook_path_reaches_the_bot_and_the_internal_paths_are_answered_by_caddy()
    {
        var (exit, output) = Caddy(["adapt", "--config", CaddyfilePath, "--adapter", "caddyfile"], ProductionEnvironment);
        Assert.True(exit == 0, output);
        var json = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!.ToJsonString();
        Assert.Contains("\"path\":[\"/telegram/webhook\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"/admin/*\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/metrics\"", json, StringComparison.Ordinal);
        Assert.Contains("Strict-Transport-Security", json, StringComparison.Ordinal);
        Assert.Contains("\"max_size\":1000000", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_webhook_is_balanced_over_every_bot_replica_the_service_name_resolves_to()
    {
        var (exit, output) = Caddy(["adapt", "--config", CaddyfilePath, "--adapter", "caddyfile"], ProductionEnvironment);
        Assert.True(exit == 0, output);
        var json = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!.ToJsonString();
        // The A records of "bot" at request time (refreshed), not one address resolved once: one per replica.
        Assert.Equal(1, Count(json, "\"dynamic_upstreams\":{\"name\":\"bot\",\"port\":\"8080\",\"refresh\":10000000000,\"source\":\"a\"}"));
        Assert.DoesNotContain("\"dial\":\"bot", json, StringComparison.Ordinal);
        Assert.Contains("\"selection_policy\":{\"policy\":\"round_robin\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"try_duration\":5000000000", json, StringComparison.Ordinal);
        Assert.Contains("\"fail_duration\":30000000000", json, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public static string CaddyfilePath => Path.Combine(ComposeFile.DeployDirectory, "Caddyfile");

    public static (int Exit, string Output) Caddy(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("caddy", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["HOME"] = Directory.CreateTempSubdirectory("quiz-caddy-").FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
