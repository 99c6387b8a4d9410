using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>The provider's own pages: a one-click login form instead of passwords, and sign-out.</summary>
internal static class OidcTestProviderEndpoints
{
    public const string UserField = "test_user";

    private static readonly Dictionary<string, (string Name, string[] Roles)> People = new()
    {
        ["alice"] = ("Alice Admin", ["admin"]),
        ["bob"] = ("Bob Ohnerolle", []),
        ["mia"] = ("Mia Moderatorin", ["moderator"]),
    };

    public static void Map(WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)ExchangeAsync);
        app.MapMethods("/connect/logout", ["GET", "POST"], () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
    }

    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var user = (string?)request[UserField];
        if (user is null || !People.TryGetValue(user, out var person))
        {
            return Results.Content(LoginForm(request), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user).SetClaim(Claims.Name, person.Name);
        foreach (var role in person.Roles)
        {
            identity.AddClaim(new Claim(Claims.Role, role));
        }
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http)
    {
        // The code carries the principal signed in above; hand it back for the tokens.
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return result.Principal is { } principal
            ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string LoginForm(OpenIddictRequest request)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><body><h1>Test-Anmeldung</h1><form method=\"get\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            html.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\" />");
        }
        foreach (var (user, person) in People)
        {
            html.Append($"<button type=\"submit\" name=\"{UserField}\" value=\"{user}\">{WebUtility.HtmlEncode(person.Name)}</button>");
        }
        return html.Append("</form></body></html>").ToString();
    }
}
