using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict, degraded mode: no database) on a loopback port.
/// It knows one client, the console, and three people: alice (admin), mia (moderator) and bob (no role).
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "quiz-admin";
    public const string ClientSecret = "test-client-secret-0123456789";

    private readonly WebApplication app;

    private OidcTestProvider(WebApplication app, Uri issuer)
    {
        this.app = app;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    public static async Task<OidcTestProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/logout");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            server.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();

            // Degraded mode skips the client checks that a store would do, so they are done here.
            server.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || !IsConsoleUri(context.RedirectUri, "/signin-oidc"))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect_uri.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is not null && !IsConsoleUri(context.PostLogoutRedirectUri, "/signout-callback-oidc"))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }
                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        OidcTestProviderEndpoints.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OidcTestProvider(app, new Uri(address + "/"));
    }

    private static bool IsConsoleUri(string? uri, string path) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && parsed.Scheme == Uri.UriSchemeHttp
        && IPAddress.TryParse(parsed.Host, out var host) && IPAddress.IsLoopback(host)
        && parsed.AbsolutePath == path;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
