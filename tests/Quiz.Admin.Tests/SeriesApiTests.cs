using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Admin.Api;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;

namespace Quiz.Admin.Tests;

/// <summary><c>/admin/tournament-series</c> (ADR 0022): create, list, edit, pause and resume by script — checked in German, audited, a repeated pause answers 409.</summary>
public sealed class SeriesApiTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_series_is_created_listed_edited_paused_and_resumed_by_api_and_a_repeated_pause_changes_nothing()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var pattern = $"API-Serie {Guid.NewGuid():N}"[..16] + " {datum}";
        var body = new { titlePattern = pattern, weekdays = new[] { "sunday", "wednesday" }, startTime = "20:00", durationMinutes = 60, entryFee = "free", questionCount = 5, horizonDays = 7 };

        using var created = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournament-series", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var state = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = state.GetProperty("id").GetGuid();
        Assert.Equal($"/admin/tournament-series/{id}", created.Headers.Location?.OriginalString);
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("nextStartsAt").ValueKind);

        using var list = await AdminApi.SendAsync(client, HttpMethod.Get, "/admin/tournament-series");
        Assert.Contains((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        using var edited = await AdminApi.SendAsync(client, HttpMethod.Put, $"/admin/tournament-series/{id}", body with { questionCount = 8 });
        Assert.Equal(8, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("series").GetProperty("questionCount").GetInt32());
        using var paused = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournament-series/{id}/pause");
        Assert.True((await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        using var again = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournament-series/{id}/pause");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var resumed = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournament-series/{id}/resume");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);

        await using var db = seeded.Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.TournamentSeries(id));
        Assert.Equal(
            [AuditActions.TournamentSeriesCreated, AuditActions.TournamentSeriesEdited, AuditActions.TournamentSeriesPaused, AuditActions.TournamentSeriesResumed],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TournamentApiEndpoints.Actor, a.Actor));
    }

    [Fact]
    public async Task Invalid_series_get_german_reasons_unknown_ids_404_and_no_token_401()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);

        using var invalid = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournament-series",
            new { titlePattern = "Turnier {date}", weekdays = Array.Empty<string>(), startTime = "20:00", durationMinutes = 60, entryFee = "free", questionCount = 5 });
        using var badTime = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournament-series",
            new { titlePattern = "Turnier", weekdays = new[] { "sunday" }, startTime = "8 Uhr", durationMinutes = 60, entryFee = "free", questionCount = 5 });
        using var unknown = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournament-series/{Guid.NewGuid()}/pause");
        using var anonymous = await client.GetAsync("/admin/tournament-series");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var reasons = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Unbekannter Platzhalter {date}", reasons);
        Assert.Contains("Mindestens ein Wochentag ist nötig.", reasons);
        Assert.Contains("HH:mm", await badTime.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
