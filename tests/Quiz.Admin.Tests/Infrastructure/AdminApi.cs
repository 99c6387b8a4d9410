using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// The admin API as a script calls it: the console in Production with OIDC configured (so no local sign-in stands in
/// for the token), no redirects followed, each request carrying the API token unless a test says otherwise.
/// </summary>
public static class AdminApi
{
    public static AdminAppFactory App(SeededDatabase seeded, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:Auth:Mode"] = "Oidc",
            ["Admin:Auth:Authority"] = "http://127.0.0.1:9/",
            ["Admin:Auth:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new AdminAppFactory(seeded.Database.ConnectionString, "Production", settings);
    }

    public static HttpClient Client(AdminAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? token = AdminAppFactory.ApiToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null) =>
        client.SendAsync(Request(method, path, body));
}
