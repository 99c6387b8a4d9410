using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Quiz.Admin.Auth;

internal static class OidcSetup
{
    public static void Configure(OpenIdConnectOptions oidc, AdminAuthOptions auth)
    {
        oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.Authority = auth.Authority;
        oidc.ClientId = auth.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(auth.ClientSecret) ? null : auth.ClientSecret;
        oidc.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;

        // The code comes back as a top-level GET, so the correlation and nonce cookies can be
        // SameSite=Lax and need no "Secure" on a plain-http loopback run; form_post would need
        // SameSite=None, which browsers only accept on https.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        oidc.Scope.Clear();
        foreach (var scope in auth.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oidc.Scope.Add(scope);
        }

        // Keep claim names as the provider sends them; otherwise "role" would be renamed to the
        // long WS-Federation URI and the configured RoleClaim would never match.
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        oidc.SaveTokens = true; // keeps the id_token for the end-session request (id_token_hint)

        // Only a page the operator navigates to may start a sign-in. A background request (Blazor's
        // /_blazor/disconnect while a page unloads after sign-out, fetches) gets 401: were it redirected, the
        // provider's live session would silently issue a fresh console cookie right after "Abmelden".
        oidc.Events.OnRedirectToIdentityProvider = context =>
        {
            if (!IsPageNavigation(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
            }
            return Task.CompletedTask;
        };

        oidc.AccessDeniedPath = AuthenticationExtensions.AccessDeniedPath;
        oidc.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect($"{AuthenticationExtensions.AccessDeniedPath}?grund=anmeldung");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// A top-level page load: a GET that is not a Blazor circuit request and that the browser marks as a navigation
    /// (<c>Sec-Fetch-Mode: navigate</c>) or, from a client without fetch metadata, asks for HTML.
    /// </summary>
    public static bool IsPageNavigation(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Path.StartsWithSegments("/_blazor")) return false;
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (mode.Length > 0) return string.Equals(mode, "navigate", StringComparison.OrdinalIgnoreCase);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
