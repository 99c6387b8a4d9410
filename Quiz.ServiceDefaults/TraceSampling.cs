using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Quiz.ServiceDefaults;

/// <summary>
/// Which traces are recorded (<c>Telemetry:TraceSampleRatio</c>, 0–1, default <see cref="DefaultRatio"/>): a trace that
/// starts here (a webhook update, an outbox send, a job) is kept with that probability, decided from its trace id so every
/// span of it shares the decision; a span whose caller sent a sampled parent is always kept (parent-based). Recording
/// every update's spans (ASP.NET Core, HttpClient, Npgsql) cost the answer path a measurable share of its CPU
/// (docs/benchmarks.md, "Telemetry"). Without the setting every trace is kept, as before (the developer dashboard and the
/// end-to-end telemetry tests see every update); the production deployment sets 0.1 (deploy/compose.yaml,
/// docs/scaling.md) and the load driver passes its own value.
/// </summary>
public static class TraceSampling
{
    public const string Setting = "Telemetry:TraceSampleRatio";
    public const double DefaultRatio = 1.0;

    public static Sampler From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        var ratio = string.IsNullOrWhiteSpace(text) ? DefaultRatio : double.Parse(text, CultureInfo.InvariantCulture);
        if (ratio is < 0 or > 1 || double.IsNaN(ratio))
        {
            throw new InvalidOperationException($"{Setting} must be between 0 and 1 (was {text}).");
        }
        return new ParentBasedSampler(ratio >= 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(ratio));
    }
}
