using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Api;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;

namespace Quiz.Admin.Tests;

/// <summary><c>GET/PUT /admin/features</c>: the switches for scripts, behind the admin API's gate, validated and audited.</summary>
public sealed class FeatureApiTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Put_switches_maintenance_on_audited_and_get_shows_it_and_a_repeat_changes_nothing()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);

        using var put = await SendAsync(client, HttpMethod.Put, new { maintenance = true, shop = false });
        using var again = await SendAsync(client, HttpMethod.Put, new { maintenance = true });
        using var get = await SendAsync(client, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var changed = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(["maintenance", "shop"], changed);
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray());
        var switches = (await get.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e);
        Assert.Equal(8, switches.Count);
        Assert.True(switches["maintenance"].GetProperty("on").GetBoolean());
        Assert.False(switches["shop"].GetProperty("on").GetBoolean());
        Assert.Equal(TournamentApiEndpoints.Actor, switches["maintenance"].GetProperty("changedBy").GetString());
        await using var db = seeded.Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.FeatureSwitched && e.Subject == "feature:maintenance").ToListAsync();
        Assert.Equal(("aus → an", TournamentApiEndpoints.Actor), (Assert.Single(audit).Details, audit[0].Actor));

        using var off = await SendAsync(client, HttpMethod.Put, new { maintenance = false, shop = true });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
    }

    [Fact]
    public async Task Unknown_switches_and_missing_values_get_german_reasons_and_change_nothing_and_no_token_gets_401()
    {
        await using var app = AdminApi.App(seeded);
        var client = AdminApi.Client(app);
        await using var db = seeded.Database.CreateContext();
        var before = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.FeatureSwitched);

        using var unknown = await SendAsync(client, HttpMethod.Put, new Dictionary<string, object?> { ["maintenance"] = true, ["casino"] = true });
        using var missing = await SendAsync(client, HttpMethod.Put, new Dictionary<string, object?> { ["duels"] = null });
        using var empty = await SendAsync(client, HttpMethod.Put, new Dictionary<string, object?>());
        using var anonymous = await client.PutAsJsonAsync("/admin/features", new { maintenance = true });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unbekannter Schalter „casino“", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("fehlt true oder false", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.FeatureSwitched));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, object? body = null) =>
        AdminApi.SendAsync(client, method, "/admin/features", body);
}
