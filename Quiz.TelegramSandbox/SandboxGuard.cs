using System.Net;

namespace Quiz.TelegramSandbox;

/// <summary>
/// The sandbox has an unauthenticated control API that can invent users and payments and make it fetch any URL
/// (setWebhook): it is a developer's tool and must never run where others can reach it. It starts only in the
/// Development environment and only on loopback addresses; otherwise it stops with a message saying why.
/// </summary>
public static class SandboxGuard
{
    public static void EnsureDevelopmentOnLoopback(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The Telegram sandbox runs only in the Development environment (this is '{builder.Environment.EnvironmentName}'). "
                + "A real deployment talks to Telegram with a bot token.");
        }
        var wide = ConfiguredUrls(builder.Configuration).Where(u => !IsLoopback(u)).ToList();
        if (wide.Count > 0 || !string.IsNullOrEmpty(builder.Configuration["http_ports"]) || !string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            throw new InvalidOperationException(
                "The Telegram sandbox listens on loopback only (localhost, 127.0.0.1, [::1]); refused: "
                + string.Join(", ", wide.DefaultIfEmpty("http_ports/https_ports (all interfaces)")));
        }
    }

    private static IEnumerable<string> ConfiguredUrls(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());

    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/', 2)[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
