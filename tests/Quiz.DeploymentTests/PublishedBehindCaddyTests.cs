using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Quiz.DeploymentTests;

/// <summary>
/// Issue #13 item 2: the published services, in Production, behind deploy/Caddyfile over HTTPS — what Telegram,
/// an operator and an attacker meet on the public address.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed class PublishedBehindCaddyTests(PublishedSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_players_message_travels_from_telegram_over_https_through_caddy_to_the_bot_and_the_reply_back()
    {
        using var sandbox = new HttpClient { BaseAddress = system.Sandbox };
        var user = await PostAsync(sandbox, "sandbox/api/users", new { firstName = "Vera", username = "vera", languageCode = "de" });
        var userId = (long)user["userId"]!;
        await PostAsync(sandbox, $"sandbox/api/users/{userId}/messages", new { text = "/hilfe" });

        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var chat = (await sandbox.GetFromJsonAsync<JsonArray>($"sandbox/api/users/{userId}/chat"))!;
            if (chat.Any(m => (bool)m!["fromBot"]! && ((string?)m["text"])?.Length > 0)) break;
            Assert.True(DateTime.UtcNow < deadline, "No reply reached Telegram: " + chat.ToJsonString());
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task An_update_with_the_secret_is_accepted_over_https_and_a_wrong_or_missing_secret_gets_401()
    {
        using var client = system.Client();
        var webhook = new Uri(system.Public, "telegram/webhook");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Update(webhook, system.WebhookSecret, 910_001))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Update(webhook, "wrong-secret-0123456789", 910_002))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Update(webhook, null, 910_003))).StatusCode);
    }

    [Fact]
    public async Task The_console_sends_a_visitor_to_sign_in_with_its_public_https_address_and_strict_transport_security()
    {
        using var client = system.Client();
        using var visit = new HttpRequestMessage(HttpMethod.Get, system.Public);
        visit.Headers.Add("Sec-Fetch-Mode", "navigate");
        using var response = await client.SendAsync(visit);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(system.Identity.AuthorizationEndpoint.ToString(), location, StringComparison.Ordinal);
        // The console believed Caddy's X-Forwarded-Proto: it names its public https address, not its loopback http one.
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(new Uri(system.Public, "signin-oidc").ToString()), location, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("admin/overview")]
    [InlineData("admin/tournaments/")]
    [InlineData("metrics")]
    [InlineData("ready")]
    public async Task The_admin_api_and_the_management_paths_are_refused_through_caddy_even_with_the_token(string path)
    {
        using var client = system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(system.Public, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", system.AdminApiToken);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task On_this_host_the_admin_api_answers_the_token_so_the_refusal_above_is_caddys()
    {
        using var direct = new HttpClient { BaseAddress = system.AdminDirect };
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/overview");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", system.AdminApiToken);
        Assert.Equal(HttpStatusCode.OK, (await direct.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await client.GetAsync($"http://localhost:{system.HttpPort}/kaeufe");
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        // Caddy names the https port only when it is not 443; in production it is 443.
        Assert.Equal(Uri.UriSchemeHttps, response.Headers.Location!.Scheme);
        Assert.Equal("localhost", response.Headers.Location.Host);
        Assert.Equal("/kaeufe", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task A_webhook_body_over_the_limit_is_refused_by_caddy()
    {
        using var client = system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.Public, "telegram/webhook"))
        {
            Content = new StringContent("{\"update_id\":1,\"pad\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", system.WebhookSecret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(request)).StatusCode);
    }

    private static HttpRequestMessage Update(Uri webhook, string? secret, int updateId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = JsonContent.Create(new
            {
                update_id = updateId,
                message = new
                {
                    message_id = 1,
                    date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    chat = new { id = 77_001, type = "private", first_name = "Ida" },
                    from = new { id = 77_001, is_bot = false, first_name = "Ida", language_code = "de" },
                    text = "/hilfe",
                },
            }),
        };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return request;
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
