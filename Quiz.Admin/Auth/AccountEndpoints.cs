using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Quiz.Admin.Hosting;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Auth;

/// <summary>Sign-in and sign-out endpoints of the console (outside the Blazor circuit, because they set cookies).</summary>
public static partial class AccountEndpoints
{
    public const string LoginPath = "/konto/login";
    public const string LocalSignInPath = "/konto/anmelden";
    public const string SignOutPath = "/konto/abmelden";

    public static IEndpointRouteBuilder MapAdminAccount(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/konto").AllowAnonymous();
        account.MapGet("/login", (string? returnUrl) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }));
        account.MapPost("/abmelden", SignOutAsync);

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AdminAuthOptions>>().Value;
        if (options.Mode == AdminAuthMode.LocalKey)
        {
            account.MapPost("/anmelden", LocalSignInAsync).RequireRateLimiting(LocalLoginRateLimiting.Policy);
        }
        return endpoints;
    }

    private static async Task<IResult> LocalSignInAsync(
        [FromForm] string? key,
        [FromForm] string? returnUrl,
        HttpContext http,
        IOptions<AdminAuthOptions> options,
        IHostEnvironment environment,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        var auth = options.Value;
        if (auth.Mode != AdminAuthMode.LocalKey || !environment.IsDevelopment() || !ClientAddress.IsLoopback(http))
        {
            LogLocalRefused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: AdminTexts.LocalLogin.OnlyLocal);
        }
        var target = SafeReturnUrl(returnUrl);
        if (!SecretComparer.Matches(auth.LocalKey, key))
        {
            LogLocalWrongKey(logger);
            return TypedResults.Redirect($"{AuthenticationExtensions.LocalLoginPath}?fehler=1&ReturnUrl={Uri.EscapeDataString(target)}");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, "name", auth.RoleClaim);
        identity.AddClaim(new Claim("name", AdminTexts.LocalLogin.OperatorName));
        identity.AddClaim(new Claim("sub", "local-operator"));
        identity.AddClaim(new Claim(auth.RoleClaim, AdminRoles.Admin));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        LogLocalSignedIn(logger);
        return TypedResults.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IOptions<AdminAuthOptions> options)
    {
        if (options.Value.Mode == AdminAuthMode.Oidc)
        {
            // Ends the provider session too; otherwise the next visit would sign straight back in.
            return TypedResults.SignOut(
                new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(AuthenticationExtensions.LocalLoginPath);
    }

    /// <summary>
    /// Only local paths, checked like ASP.NET's <c>IsLocalUrl</c>: starts with one "/", not "//" or "/\\", and no
    /// control character anywhere (a browser drops a tab or line break, so "/\t/evil.example" would become
    /// "//evil.example"). Only ASCII, too: a Location header cannot carry anything else (it was a 500). Anything
    /// else goes to the overview.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (returnUrl is not { Length: > 0 } url || url[0] != '/') return "/";
        if (url.Length > 1 && url[1] is '/' or '\\') return "/";
        foreach (var c in url)
        {
            if (char.IsControl(c) || c > '~') return "/";
        }
        return url;
    }

    [LoggerMessage(LogLevel.Warning, "Local console sign-in refused for {Address}: not Development or not loopback")]
    private static partial void LogLocalRefused(ILogger logger, string address);

    [LoggerMessage(LogLevel.Warning, "Local console sign-in with a wrong access key")]
    private static partial void LogLocalWrongKey(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Local operator signed in with the access key")]
    private static partial void LogLocalSignedIn(ILogger logger);
}
