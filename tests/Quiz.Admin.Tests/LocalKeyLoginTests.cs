using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Quiz.Admin.Tests.Infrastructure;

namespace Quiz.Admin.Tests;

public sealed partial class LocalKeyLoginTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private const string Key = "lokaler-schluessel-0123456789";

    [Fact]
    public async Task Local_key_sign_in_with_the_right_key_opens_the_overview()
    {
        await using var app = NewApp();
        var client = NewClient(app);

        using var signIn = await SignInAsync(client, Key);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Übersicht", html);
        Assert.Contains("Lokaler Operator", html);
    }

    [Theory]
    [InlineData("/fragen", "Datei importieren")]
    [InlineData("/fragen/import", "Datei wählen")]
    [InlineData("/meldungen", "Offene Meldungen von Spielern")]
    public async Task Signed_in_operator_gets_the_question_pages_and_the_menu_links_them(string path, string expected)
    {
        await using var app = NewApp();
        var client = NewClient(app);
        using var signIn = await SignInAsync(client, Key);

        using var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(expected, html);
        Assert.Contains("href=\"/fragen\"", html);
        Assert.Contains("href=\"/meldungen\"", html);
    }

    [Fact]
    public async Task Local_key_sign_in_with_a_wrong_key_stays_outside()
    {
        await using var app = NewApp();
        var client = NewClient(app);

        using var signIn = await SignInAsync(client, Key + "-falsch");
        Assert.StartsWith("/anmelden?fehler=1", signIn.Headers.Location?.OriginalString);

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/anmelden", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Local_key_sign_in_from_another_machine_is_refused()
    {
        await using var app = NewApp();
        var client = NewClient(app);
        var token = await AntiforgeryTokenAsync(client);

        using var loginRequest = FromElsewhere(HttpMethod.Get, "/anmelden");
        using var loginPage = await client.SendAsync(loginRequest);
        using var signInRequest = FromElsewhere(HttpMethod.Post, "/konto/anmelden");
        signInRequest.Content = KeyForm(token, Key);
        using var signIn = await client.SendAsync(signInRequest);
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, loginPage.StatusCode);
        Assert.Contains("nur von diesem Rechner", WebUtility.HtmlDecode(await loginPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Local_key_attempts_are_rate_limited()
    {
        await using var app = NewApp();
        var client = NewClient(app);
        var token = await AntiforgeryTokenAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await PostKeyAsync(client, token, "falsch-" + i);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Theory]
    [InlineData("Production", Key, "Development")]
    [InlineData("Staging", Key, "Development")]
    [InlineData("Development", "zu-kurz", "16 characters")]
    public async Task Local_key_mode_refuses_to_start_where_it_would_be_unsafe(string environment, string key, string reason)
    {
        await using var app = NewApp(environment, key);

        var failure = Record.Exception(() => app.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains(validation.Failures, f => f.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\v/evil.example")]
    [InlineData("/\u007f/evil.example")]
    [InlineData("/frägen")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    public async Task A_hostile_return_url_leads_to_the_overview_after_a_local_sign_in(string returnUrl)
    {
        await using var app = NewApp();
        var client = NewClient(app);

        using var signIn = await client.PostAsync("/konto/anmelden", KeyForm(await AntiforgeryTokenAsync(client), Key, returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_kept()
    {
        await using var app = NewApp();
        var client = NewClient(app);

        using var signIn = await client.PostAsync("/konto/anmelden", KeyForm(await AntiforgeryTokenAsync(client), Key, "/fragen?seite=2"));

        Assert.Equal("/fragen?seite=2", signIn.Headers.Location?.OriginalString);
    }

    private AdminAppFactory NewApp(string environment = "Development", string key = Key) =>
        new(seeded.Database.ConnectionString, environment, new Dictionary<string, string?>
        {
            ["Admin:Auth:Mode"] = "LocalKey",
            ["Admin:Auth:LocalKey"] = key,
        });

    private static HttpClient NewClient(AdminAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key) =>
        await PostKeyAsync(client, await AntiforgeryTokenAsync(client), key);

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/anmelden");
        return AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token:\n" + html);
    }

    private static Task<HttpResponseMessage> PostKeyAsync(HttpClient client, string token, string key) =>
        client.PostAsync("/konto/anmelden", KeyForm(token, key));

    private static FormUrlEncodedContent KeyForm(string token, string key, string returnUrl = "/") => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["key"] = key,
        ["returnUrl"] = returnUrl,
    });

    private static HttpRequestMessage FromElsewhere(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(AdminAppFactory.RemoteAddressHeader, "192.0.2.10");
        return request;
    }

    private static Exception? Unwrap(Exception? e)
    {
        while (e is not null and not OptionsValidationException)
        {
            e = e.InnerException;
        }
        return e;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
