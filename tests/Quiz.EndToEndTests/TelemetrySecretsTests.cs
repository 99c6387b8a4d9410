using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Quiz.ServiceDefaults;

namespace Quiz.EndToEndTests;

/// <summary>
/// Everything the services export while they are used — Bot API calls through the sandbox, webhook deliveries,
/// the admin API — reaches the telemetry backend without a secret (docs/security.md).
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class TelemetrySecretsTests(AppModelFixture fixture)
{
    private const string SandboxToken = "123456:sandbox-token-for-local-runs";

    [Fact]
    public async Task No_token_key_or_secret_appears_in_any_exported_span_log_or_metric()
    {
        var player = await ChatPlayer.CreateAsync(fixture, "Tessa");
        await player.SayAsync("/spielen");
        await player.QuestionAsync(1, 10);
        using (var admin = fixture.App.CreateHttpClient(QuizResources.Admin, "http"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/tournaments");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppModelFixture.AdminApiToken);
            using var response = await admin.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        // The bot's exports include its Bot API calls: their spans are there, with the token blanked out.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline && !fixture.Telemetry.Bodies("traces").Any(b => b.Contains("/bot[redacted]/sendMessage", StringComparison.Ordinal)))
        {
            await Task.Delay(500);
        }
        await Task.Delay(2000); // the admin's and the worker's next exports

        var bodies = new[] { "traces", "logs", "metrics" }.SelectMany(fixture.Telemetry.Bodies).ToList();
        Assert.Contains(bodies, b => b.Contains("/bot[redacted]/sendMessage", StringComparison.Ordinal));
        foreach (var secret in new[] { SandboxToken, "sandbox-token-for-local-runs", AppModelFixture.WebhookSecret, AppModelFixture.AdminApiToken, AppModelFixture.AdminLocalKey })
        {
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
        }
    }
}
