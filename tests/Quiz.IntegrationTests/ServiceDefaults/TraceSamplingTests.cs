using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Quiz.ServiceDefaults;

namespace Quiz.IntegrationTests.ServiceDefaults;

/// <summary>
/// Which requests a service built with the service defaults traces (<see cref="TraceSampling"/>): the ratio of
/// <c>Telemetry:TraceSampleRatio</c> for traces that start in the service.
/// </summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task At_ratio_zero_a_request_is_not_traced()
    {
        Assert.Empty(await RequestAsync("0"));
    }

    [Fact]
    public async Task At_ratio_one_every_request_is_traced()
    {
        Assert.Single(await RequestAsync("1"));
    }

    [Fact]
    public void A_ratio_outside_zero_to_one_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(TraceSampling.Setting, "1.5")]).Build();
        Assert.Throws<InvalidOperationException>(() => TraceSampling.From(configuration));
    }

    /// <summary>One GET to a service with the defaults at the given ratio; the server spans it exported.</summary>
    private static async Task<IReadOnlyList<Activity>> RequestAsync(string ratio)
    {
        var exported = new List<Activity>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection([new(TraceSampling.Setting, ratio)]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddProcessor(new SimpleActivityExportProcessor(new Recorder(exported))));
        await using var app = builder.Build();
        app.MapGet("/probe", () => Results.Ok());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null });
        using var response = await http.GetAsync($"{address}/probe");
        response.EnsureSuccessStatusCode();
        await app.StopAsync();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        lock (exported) return exported.Where(s => s.Kind == ActivityKind.Server).ToList();
    }

    private sealed class Recorder(List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var span in batch) spans.Add(span);
            }
            return ExportResult.Success;
        }
    }
}
