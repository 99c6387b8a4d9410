using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Quiz.ServiceDefaults;

namespace Quiz.EndToEndTests;

/// <summary>An operator's script calling the running admin's HTTP API (bearer token, loopback); a refusal fails the test with its body.</summary>
public static class AdminScript
{
    public static async Task<JsonElement> SendAsync(AppModelFixture fixture, HttpMethod method, string path, object? body = null)
    {
        using var http = fixture.App.CreateHttpClient(QuizResources.Admin, "http");
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppModelFixture.AdminApiToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
