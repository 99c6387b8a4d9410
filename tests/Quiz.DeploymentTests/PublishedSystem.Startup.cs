using System.Diagnostics;

namespace Quiz.DeploymentTests;

public sealed partial class PublishedSystem
{
    /// <summary>Publishes each project as the Dockerfile does (Release, no app host) and returns its entry assembly.</summary>
    private async Task<Dictionary<string, string>> PublishAsync(params string[] projects)
    {
        var result = new Dictionary<string, string>();
        foreach (var project in projects)
        {
            var output = Path.Combine(root, "publish", project);
            var csproj = Path.Combine(Quiz.Testing.TestEnvironment.RepositoryRoot(), project, project + ".csproj");
            var start = new ProcessStartInfo("dotnet", ["publish", csproj, "-c", "Release", "-o", output, "-p:UseAppHost=false", "-nologo", "-v:q"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet publish {project}: {await log}{await errors}");
            result[project] = Path.Combine(output, project + ".dll");
        }
        return result;
    }

    /// <summary>The sandbox from the solution's build (a development tool: never published, never deployed).</summary>
    private static string SandboxAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Quiz.Testing.TestEnvironment.RepositoryRoot(), "Quiz.TelegramSandbox", "bin", configuration, "net10.0", "Quiz.TelegramSandbox.dll");
        Assert.True(File.Exists(path), $"{path} is built with the solution (dotnet build Quiz.Aspire.sln).");
        return path;
    }

    private static async Task WaitForHttpAsync(Uri url, ServiceProcess process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitAsync(async () =>
        {
            try
            {
                return (await client.GetAsync(url)).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Refused, or too slow to answer while the service is still starting (the bot's warm-up keeps its CPU busy).
                return false;
            }
        }, process);
    }

    /// <summary>Polls until <paramref name="ready"/>; fails with the process's output when it exits or the patience ends.</summary>
    private static async Task WaitAsync(Func<Task<bool>> ready, ServiceProcess process)
    {
        var deadline = DateTime.UtcNow + StartPatience;
        while (!await ready())
        {
            if (process.HasExited) Assert.Fail($"{process.Name} exited with {process.ExitCode}:\n{process.Output}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{process.Name} not ready after {StartPatience}:\n{process.Output}");
            await Task.Delay(250);
        }
    }
}
