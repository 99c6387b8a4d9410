using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Quiz.LoadDriver;

/// <summary>
/// The bot as production runs it (<c>--bot</c>): its own process started from a <c>dotnet publish</c> output, in Production,
/// configured by environment variables, with nothing of the driver's in it: no test services, so always with its real send budget
/// (the scenarios that measure against it), and the driver cannot count its SQL commands. Its console output goes to the driver's. <c>BOT_NAME=value</c> in the driver's environment is <c>NAME=value</c> in the bot's alone, for
/// runtime switches (<c>BOT_DOTNET_TieredPGO=0</c>); the driver's own <c>DOTNET_*</c> switches are not passed on.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const string BotOnly = "BOT_";
    private readonly Process process;

    private BotProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BotProcess> StartAsync(string dll, string database, string redis, Uri telegram)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in BotHost.Settings(database, redis, telegram, sendBudget: true, port: 0, BotHost.Token)) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Quiz.Bot.Replies.BotReplies"] = "Error";
        // The driver's own runtime switches (DOTNET_TieredCompilation=0 …) are not the bot's.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && !k.StartsWith("DOTNET_ROOT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }
        foreach (var variable in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith(BotOnly, StringComparison.Ordinal)))
        {
            start.Environment[variable[BotOnly.Length..]] = Environment.GetEnvironmentVariable(variable);
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(5) };
        while (!await ReadyAsync(http))
        {
            if (process.HasExited) throw new InvalidOperationException($"The bot exited with {process.ExitCode} before it was ready.");
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(2)) throw new TimeoutException("The bot did not report ready within 2 minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Console.WriteLine($"Bot process {process.Id} ({dll}) ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (start and warm-up).");
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(Quiz.ServiceDefaults.Extensions.ReadyPath);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Forward(string? line)
    {
        if (line is not null) Console.WriteLine(line);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
