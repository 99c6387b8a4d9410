using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Api;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Admin.Tests;

/// <summary><c>POST /admin/players/{id}/ban|unban</c>: a required reason, audited under the API's actor; a repeat is 409 and changes nothing.</summary>
public sealed class PlayerApiTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private async Task<long> PlayerAsync()
    {
        await using var db = seeded.Database.CreateContext();
        var player = TestData.Player(DateTimeOffset.UtcNow, "Tim");
        db.Players.Add(player);
        await db.SaveChangesAsync();
        return player.Id;
    }

    private async Task<Player> LoadAsync(long id)
    {
        await using var db = seeded.Database.CreateContext();
        return await db.Players.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Ban_and_unban_by_api_are_audited_with_the_reason_and_a_repeat_answers_409()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var id = await PlayerAsync();

        using var banned = await SendAsync(client, $"/admin/players/{id}/ban", new { reason = "  Skript-Antworten  " });
        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.True((await banned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("banned").GetBoolean());
        Assert.Equal("Skript-Antworten", (await LoadAsync(id)).BanReason);
        using var again = await SendAsync(client, $"/admin/players/{id}/ban", new { reason = "noch einmal" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("schon gesperrt", await again.Content.ReadAsStringAsync());
        Assert.Equal("Skript-Antworten", (await LoadAsync(id)).BanReason);

        using var lifted = await SendAsync(client, $"/admin/players/{id}/unban", new { reason = "Einspruch berechtigt" });
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.False((await lifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("banned").GetBoolean());
        Assert.Null((await LoadAsync(id)).BannedAt);
        using var liftedAgain = await SendAsync(client, $"/admin/players/{id}/unban", new { reason = "doppelt" });
        Assert.Equal(HttpStatusCode.Conflict, liftedAgain.StatusCode);

        await using var db = seeded.Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Player(id));
        Assert.Equal(
            [(AuditActions.PlayerBanned, "Skript-Antworten"), (AuditActions.PlayerUnbanned, "Einspruch berechtigt")],
            audit.Select(a => (a.Action, a.Details)));
        Assert.All(audit, a => Assert.Equal(TournamentApiEndpoints.Actor, a.Actor));
    }

    [Fact]
    public async Task A_missing_reason_is_400_in_german_an_unknown_player_404_and_nothing_changes()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var id = await PlayerAsync();

        using var blank = await SendAsync(client, $"/admin/players/{id}/ban", new { reason = "   " });
        using var none = await SendAsync(client, $"/admin/players/{id}/ban", new { });
        using var tooLong = await SendAsync(client, $"/admin/players/{id}/ban", new { reason = new string('x', Player.MaxModerationReason + 1) });
        using var unknown = await SendAsync(client, $"/admin/players/{long.MaxValue}/ban", new { reason = "Test" });

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("application/problem+json", blank.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Der Grund fehlt", await blank.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("höchstens 500 Zeichen", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Spieler nicht gefunden", await unknown.Content.ReadAsStringAsync());
        Assert.Null((await LoadAsync(id)).BannedAt);
        await using var db = seeded.Database.CreateContext();
        Assert.Empty(await AuditLog.ForSubjectAsync(db, AuditLog.Player(id)));
    }

    [Fact]
    public async Task Without_token_401_and_from_outside_the_allow_list_403_and_the_player_stays_unbanned()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var id = await PlayerAsync();

        using var anonymous = await client.PostAsJsonAsync($"/admin/players/{id}/ban", new { reason = "Test" });
        using var outside = AdminApi.Request(HttpMethod.Post, $"/admin/players/{id}/ban", new { reason = "Test" });
        outside.Headers.Add(AdminAppFactory.RemoteAddressHeader, "203.0.113.9");
        using var refused = await client.SendAsync(outside);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await LoadAsync(id)).BannedAt);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body) =>
        AdminApi.SendAsync(client, HttpMethod.Post, path, body);
}
