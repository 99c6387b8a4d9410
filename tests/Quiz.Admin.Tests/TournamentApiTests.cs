using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Admin.Api;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;

namespace Quiz.Admin.Tests;

/// <summary><c>/admin/tournaments</c>: the lifecycle steps by API, each a compare-and-set (a repeat answers 409 and changes nothing).</summary>
public sealed class TournamentApiTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_tournament_goes_from_draft_to_rewarded_by_api_and_repeated_steps_change_nothing()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var now = DateTimeOffset.UtcNow;

        using var created = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournaments",
            new { title = "API-Turnier", startsAt = now.AddHours(1), endsAt = now.AddHours(2), entryFee = "ticket", questionCount = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/admin/tournaments/{id}", created.Headers.Location?.OriginalString);

        foreach (var (step, state) in new[] { ("schedule", "scheduled"), ("start", "active"), ("finish", "finished"), ("rewards/issue", "rewarded") })
        {
            using var done = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{id}/{step}");
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal(state, (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
            using var again = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{id}/{step}");
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains(state, await again.Content.ReadAsStringAsync());
        }

        await using var db = seeded.Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Equal(
            [AuditActions.TournamentCreated, AuditActions.TournamentScheduled, AuditActions.TournamentStarted, AuditActions.TournamentFinished, AuditActions.TournamentRewarded],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TournamentApiEndpoints.Actor, a.Actor));
    }

    [Fact]
    public async Task Invalid_tournaments_get_german_reasons_and_unknown_ids_404_and_no_token_401()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var now = DateTimeOffset.UtcNow;
        await using var db = seeded.Database.CreateContext();
        var before = db.Tournaments.Count();

        using var invalid = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournaments",
            new { title = "", startsAt = now.AddHours(1), endsAt = now.AddHours(1).AddMinutes(2), entryFee = "free", questionCount = 50 });
        using var unknown = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{Guid.NewGuid()}/start");
        using var anonymous = await client.PostAsync($"/admin/tournaments/{Guid.NewGuid()}/start", null);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Der Titel fehlt.", body);
        Assert.Contains("Ein Turnier hat 3 bis 30 Fragen.", body);
        Assert.Equal(before, db.Tournaments.Count());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_planned_tournament_is_edited_and_cancelled_by_api_and_then_refuses_both_in_german()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var now = DateTimeOffset.UtcNow;
        using var created = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournaments",
            new { title = "Vorher", startsAt = now.AddHours(1), endsAt = now.AddHours(2), entryFee = "ticket", questionCount = 3 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{id}/schedule")).Dispose();

        using var edited = await AdminApi.SendAsync(client, HttpMethod.Put, $"/admin/tournaments/{id}",
            new { title = "Nachher", startsAt = now.AddHours(3), endsAt = now.AddHours(4), entryFee = "ticket", questionCount = 5 });
        using var startPassed = await AdminApi.SendAsync(client, HttpMethod.Put, $"/admin/tournaments/{id}",
            new { title = "Nachher", startsAt = now.AddHours(-1), endsAt = now.AddHours(4), entryFee = "ticket", questionCount = 5 });
        using var cancelled = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{id}/cancel");
        using var again = await AdminApi.SendAsync(client, HttpMethod.Post, $"/admin/tournaments/{id}/cancel");
        using var late = await AdminApi.SendAsync(client, HttpMethod.Put, $"/admin/tournaments/{id}",
            new { title = "Zu spät", startsAt = now.AddHours(3), endsAt = now.AddHours(4), entryFee = "ticket", questionCount = 5 });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, startPassed.StatusCode);
        Assert.Contains("Der Beginn eines geplanten Turniers muss in der Zukunft liegen.", await startPassed.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Nur Entwürfe und geplante Turniere können bearbeitet werden", await late.Content.ReadAsStringAsync());
        await using var db = seeded.Database.CreateContext();
        var t = db.Tournaments.Single(x => x.Id == id);
        Assert.Equal(("Nachher", 5, now.AddHours(3).ToUnixTimeSeconds()), (t.Title, t.QuestionCount, t.StartsAt.ToUnixTimeSeconds()));
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Equal(
            [AuditActions.TournamentCreated, AuditActions.TournamentScheduled, AuditActions.TournamentEdited, AuditActions.TournamentCancelled],
            audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Reward_tiers_by_api_are_checked_in_german_stored_and_kept_by_an_edit_that_leaves_them_out()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        var now = DateTimeOffset.UtcNow;
        var tiers = new object[] { new { fromRank = 1, toRank = 2, contents = new { extraLives = 1 } }, new { topPercent = 30, contents = new { games = 2 } } };
        var overlapping = new object[] { new { fromRank = 1, toRank = 2, contents = new { jokers = 1 } }, new { fromRank = 2, toRank = 2, contents = new { } } };

        using var refused = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournaments",
            new { title = "Stufen-API", startsAt = now.AddHours(1), endsAt = now.AddHours(2), entryFee = "free", questionCount = 3, rewardTiers = overlapping });
        using var created = await AdminApi.SendAsync(client, HttpMethod.Post, "/admin/tournaments",
            new { title = "Stufen-API", startsAt = now.AddHours(1), endsAt = now.AddHours(2), entryFee = "free", questionCount = 3, rewardTiers = tiers });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var edited = await AdminApi.SendAsync(client, HttpMethod.Put, $"/admin/tournaments/{id}",
            new { title = "Stufen-API neu", startsAt = now.AddHours(1), endsAt = now.AddHours(2), entryFee = "free", questionCount = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Stufe 2: Der Gewinn ist leer", body);
        Assert.Contains("Stufe 1 und Stufe 2 überschneiden sich (Platz 2).", body);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, edited.StatusCode));
        await using var db = seeded.Database.CreateContext();
        var t = db.Tournaments.Single(x => x.Id == id);
        Assert.Equal(("Stufen-API neu", "Platz 1–2", "Top 30 %"), (t.Title, t.RewardTiers![0].Name, t.RewardTiers[1].Name));
        Assert.Equal((1, 2), (t.RewardTiers[0].Contents.ExtraLives, t.RewardTiers[1].Contents.Games));
    }
}
