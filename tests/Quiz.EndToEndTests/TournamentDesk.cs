using System.Text.Json;

namespace Quiz.EndToEndTests;

/// <summary>An operator's script driving tournaments through the running admin's HTTP API (token + loopback).</summary>
public sealed class TournamentDesk(AppModelFixture fixture)
{
    /// <summary>
    /// Creates a tournament starting in <paramref name="startsIn"/> (a minute by default) and ending in <paramref name="duration"/>,
    /// schedules it and (by default) starts it now.
    /// </summary>
    public async Task<Guid> OpenAsync(string title, string entryFee, int questions, TimeSpan duration, bool start = true, TimeSpan? startsIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await SendAsync(HttpMethod.Post, "/admin/tournaments",
            new { title, startsAt = now + (startsIn ?? TimeSpan.FromMinutes(1)), endsAt = now + duration, entryFee, questionCount = questions });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("scheduled", (await StepAsync(id, "schedule")).GetProperty("state").GetString());
        if (start) Assert.Equal("active", (await StepAsync(id, "start")).GetProperty("state").GetString());
        return id;
    }

    public Task<JsonElement> StepAsync(Guid id, string step) => SendAsync(HttpMethod.Post, $"/admin/tournaments/{id}/{step}");

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null) => AdminScript.SendAsync(fixture, method, path, body);
}
