using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Quiz.Admin.Auth;

internal static class AuthenticationExtensions
{
    public const string CookieName = "quiz-admin";
    public const string AccessDeniedPath = "/kein-zugriff";
    public const string LocalLoginPath = "/anmelden";

    public static IHostApplicationBuilder AddAdminAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<AdminAuthOptions>, AdminAuthOptionsValidator>();
        services.AddOptions<AdminAuthOptions>().BindConfiguration(AdminAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The mode decides which handlers exist at all; a LocalKey console has no OIDC handler and
        // an OIDC console has no key endpoint.
        var mode = builder.Configuration.GetSection(AdminAuthOptions.Section).GetValue(nameof(AdminAuthOptions.Mode), AdminAuthMode.Oidc);

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = mode == AdminAuthMode.Oidc
                ? OpenIdConnectDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.AccessDeniedPath = AccessDeniedPath;
            o.LoginPath = LocalLoginPath;
        });
        if (mode == AdminAuthMode.Oidc)
        {
            authentication.AddOpenIdConnect();
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IOptions<AdminAuthOptions>>((oidc, auth) => OidcSetup.Configure(oidc, auth.Value));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminRoles.ConsolePolicy, p => p.RequireAuthenticatedUser().RequireRole(AdminRoles.Admin, AdminRoles.Moderator))
            // Secure by default: anything not explicitly anonymous is console-only, the Blazor hub included.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireRole(AdminRoles.Admin, AdminRoles.Moderator).Build());
        services.AddCascadingAuthenticationState();
        services.AddLocalLoginRateLimiting();
        return builder;
    }
}
