using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Quiz.Admin.Auth;
using Quiz.Admin.Hosting;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Api;

/// <summary>
/// Gate of every <c>/admin</c> endpoint: first the caller's network (403), then the bearer token
/// (401). It answers with status codes only and never hands over to the browser login.
/// </summary>
public sealed partial class AdminApiGuard(IOptions<AdminApiOptions> options, ILogger<AdminApiGuard> logger) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    private readonly IReadOnlyList<System.Net.IPNetwork> networks = options.Value.Networks();
    private readonly string token = options.Value.Token;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = ClientAddress.Of(http);
        if (address is null || !networks.Any(n => n.Contains(address)))
        {
            LogAddressRefused(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Path);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: AdminTexts.Api.AddressRefused,
                detail: AdminTexts.Api.AddressRefusedDetail);
        }

        var presented = PresentedToken(http.Request.Headers.Authorization.ToString());
        if (!SecretComparer.Matches(token, presented))
        {
            LogTokenRefused(address.ToString(), http.Request.Path, presented is not null);
            http.Response.Headers[HeaderNames.WWWAuthenticate] = presented is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: AdminTexts.Api.TokenMissing,
                detail: AdminTexts.Api.TokenMissingDetail);
        }

        return await next(context);
    }

    private static string? PresentedToken(string header) =>
        header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > BearerPrefix.Length
            ? header[BearerPrefix.Length..].Trim()
            : null;

    [LoggerMessage(LogLevel.Warning, "Admin API refused {Address} for {Path}: address not allowed")]
    private partial void LogAddressRefused(string address, string path);

    [LoggerMessage(LogLevel.Warning, "Admin API refused {Address} for {Path}: token presented {TokenPresented} but not valid")]
    private partial void LogTokenRefused(string address, string path, bool tokenPresented);
}
