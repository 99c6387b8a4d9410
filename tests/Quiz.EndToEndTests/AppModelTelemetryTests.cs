namespace Quiz.EndToEndTests;

/// <summary>
/// What the services export when the app model runs them: the database telemetry comes from Aspire's Npgsql EF
/// integration (docs/decisions/0007), not from hand-made instrumentation.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class AppModelTelemetryTests(AppModelFixture fixture)
{
    [Theory]
    [InlineData("Quiz.Bot")]
    [InlineData("Quiz.Worker")]
    [InlineData("Quiz.Admin")]
    public async Task Every_service_exports_npgsql_spans_and_metrics_from_the_aspire_integration(string service)
    {
        // Each service queries PostgreSQL on its own (outbox dispatcher, game clock, readiness checks).
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline && !(HasSpans(service) && HasMetrics(service)))
        {
            await Task.Delay(500);
        }

        Assert.True(HasSpans(service), $"{service} exported no span of the Npgsql instrumentation");
        Assert.True(HasMetrics(service), $"{service} exported no metric of the Npgsql meter");
    }

    [Fact]
    public async Task Database_spans_are_not_also_made_by_the_ef_core_instrumentation()
    {
        await Every_service_exports_npgsql_spans_and_metrics_from_the_aspire_integration("Quiz.Worker");

        Assert.DoesNotContain(fixture.Telemetry.Bodies("traces"), b => b.Contains("OpenTelemetry.Instrumentation.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private bool HasSpans(string service) =>
        fixture.Telemetry.Bodies("traces").Any(b => b.Contains(service, StringComparison.Ordinal) && b.Contains("Npgsql", StringComparison.Ordinal)
            && b.Contains("postgresql", StringComparison.Ordinal));

    private bool HasMetrics(string service) =>
        fixture.Telemetry.Bodies("metrics").Any(b => b.Contains(service, StringComparison.Ordinal) && b.Contains("db.client.", StringComparison.Ordinal));
}
