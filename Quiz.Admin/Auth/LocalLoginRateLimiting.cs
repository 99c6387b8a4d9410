using System.Threading.RateLimiting;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Auth;

internal static class LocalLoginRateLimiting
{
    public const string Policy = "lokale-anmeldung";
    public const int AttemptsPerMinute = 5;

    /// <summary>Guessing the access key stays impractical even for a process on the same machine.</summary>
    public static IServiceCollection AddLocalLoginRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(AdminTexts.LocalLogin.TooManyAttempts, ct));
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unbekannt",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = AttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
}
