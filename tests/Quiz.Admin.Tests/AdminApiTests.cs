using System.Net;
using System.Net.Http.Json;
using Quiz.Admin.Tests.Infrastructure;

namespace Quiz.Admin.Tests;

/// <summary>
/// The admin API in a console configured for OIDC, where a wrongly protected endpoint would send
/// the caller to the provider's login instead of answering 401/403.
/// </summary>
public sealed class AdminApiTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Admin_api_without_token_answers_401_with_bearer_challenge()
    {
        await using var app = NewApp();
        using var response = await NewClient(app).GetAsync("/admin/overview");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Admin_api_with_wrong_token_answers_401()
    {
        await using var app = NewApp();
        using var request = Get("/admin/overview", AdminAppFactory.ApiToken[..^1] + "x");
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Admin_api_with_token_from_loopback_returns_the_overview()
    {
        await using var app = NewApp();
        using var request = Get("/admin/overview", AdminAppFactory.ApiToken);
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal(OverviewSeed.Players.ToString(System.Globalization.CultureInfo.InvariantCulture), body!["players"].ToString());
    }

    [Fact]
    public async Task Admin_api_from_an_address_outside_the_allow_list_answers_403_even_with_token()
    {
        await using var app = NewApp();
        using var request = Get("/admin/overview", AdminAppFactory.ApiToken);
        request.Headers.Add(AdminAppFactory.RemoteAddressHeader, "203.0.113.9");
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Admin_api_checks_the_address_before_the_token()
    {
        await using var app = NewApp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/overview");
        request.Headers.Add(AdminAppFactory.RemoteAddressHeader, "203.0.113.9");
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Admin_api_refuses_loopback_when_the_allow_list_names_other_networks()
    {
        await using var app = NewApp(new() { ["Admin:Api:AllowedNetworks:0"] = "10.0.0.0/8" });
        using var request = Get("/admin/overview", AdminAppFactory.ApiToken);
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_api_refuses_requests_relayed_by_an_unknown_proxy()
    {
        await using var app = NewApp();
        using var request = Get("/admin/overview", AdminAppFactory.ApiToken);
        request.Headers.Add("X-Forwarded-For", "198.51.100.4");
        using var response = await NewClient(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_api_unknown_path_answers_401_then_404_and_never_redirects()
    {
        await using var app = NewApp();
        var client = NewClient(app);

        using var anonymous = await client.GetAsync("/admin/gibt-es-nicht");
        using var request = Get("/admin/gibt-es-nicht", AdminAppFactory.ApiToken);
        using var authorized = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authorized.StatusCode);
        // Scripts keep a JSON problem (not the console's not-found page), in German.
        Assert.Equal("application/problem+json", authorized.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Unbekannter Endpunkt", await authorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private AdminAppFactory NewApp(Dictionary<string, string?>? extra = null) => AdminApi.App(seeded, extra);

    private static HttpClient NewClient(AdminAppFactory app) => AdminApi.Client(app);

    private static HttpRequestMessage Get(string path, string token) => AdminApi.Request(HttpMethod.Get, path, token: token);
}
