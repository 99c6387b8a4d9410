using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Quiz.Admin.Operations;

public enum ReadinessState
{
    Ready,
    NotReady,
    Unreachable,
}

/// <param name="Detail">The HTTP status of a service that answered "not ready", or the failed checks of the console itself.</param>
public sealed record ReadinessRow(string Service, ReadinessState State, string? Detail = null);

/// <summary>
/// The readiness of bot, worker and console: the bot's and worker's <c>/ready</c> over HTTP (the console sits in their
/// management network), the console's own checks in-process. A service that does not answer within the timeout, or
/// cannot be reached, is <see cref="ReadinessState.Unreachable"/> — never an exception.
/// </summary>
public sealed class ServiceReadiness(IHttpClientFactory clients, HealthCheckService health, IOptions<MachineryOptions> options)
{
    public const string Client = "readiness";
    public const string Bot = "bot";
    public const string Worker = "worker";
    public const string Admin = "admin";

    public async Task<IReadOnlyList<ReadinessRow>> ReadAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var bot = ProbeAsync(Bot, o.BotReadyUrl, ct);
        var worker = ProbeAsync(Worker, o.WorkerReadyUrl, ct);
        var own = SelfAsync(ct);
        return [await bot, await worker, await own];
    }

    private async Task<ReadinessRow> ProbeAsync(string service, string url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(Client).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? new ReadinessRow(service, ReadinessState.Ready)
                : new ReadinessRow(service, ReadinessState.NotReady, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            return new ReadinessRow(service, ReadinessState.Unreachable);
        }
    }

    private async Task<ReadinessRow> SelfAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        if (report.Status == HealthStatus.Healthy) return new ReadinessRow(Admin, ReadinessState.Ready);
        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key);
        return new ReadinessRow(Admin, ReadinessState.NotReady, string.Join(", ", failed));
    }
}
