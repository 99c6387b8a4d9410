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
        ["QUIZ_BOT_UPSTREAM"] = "bot:8080",
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
        Assert.Equal(1, Count(json, "\"dial\":\"bot:8080\""));
        Assert.Contains("\"path\":[\"/telegram/webhook\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"/admin/*\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/metrics\"", json, StringComparison.Ordinal);
        Assert.Contains("Strict-Transport-Security", json, StringComparison.Ordinal);
        Assert.Contains("\"max_size\":1000000", json, StringComparison.Ordinal);
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
