using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;
using Quiz.ServiceDefaults;

namespace Quiz.IntegrationTests.ServiceDefaults;

/// <summary>
/// Which traces a service built with the service defaults records (<see cref="TraceSampling"/>): the ratio of
/// <c>Telemetry:TraceSampleRatio</c> for traces that start in the service, always when the caller's parent was sampled.
/// The sampler is asked directly: activity listeners are process-wide, so another test's host would record a request too.
/// </summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public void At_ratio_zero_a_trace_starting_here_is_dropped_and_one_a_sampled_caller_started_is_kept()
    {
        var sampler = Sampler("0");

        Assert.Equal(SamplingDecision.Drop, Decide(sampler, parent: default));
        var sampledCaller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, sampledCaller));
    }

    [Fact]
    public void At_ratio_one_every_trace_is_recorded()
    {
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler("1"), parent: default));
    }

    [Fact]
    public void Without_the_setting_every_trace_is_recorded()
    {
        var sampler = TraceSampling.From(new ConfigurationBuilder().Build());

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, parent: default));
        var unsampledCaller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, unsampledCaller));
    }

    [Fact]
    public void A_ratio_outside_zero_to_one_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Sampler("1.5"));
    }

    private static Sampler Sampler(string ratio) =>
        TraceSampling.From(new ConfigurationBuilder().AddInMemoryCollection([new(TraceSampling.Setting, ratio)]).Build());

    private static SamplingDecision Decide(Sampler sampler, ActivityContext parent) =>
        sampler.ShouldSample(new SamplingParameters(parent, parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId, "GET /telegram/webhook", ActivityKind.Server)).Decision;
}
