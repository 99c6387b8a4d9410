using Microsoft.Extensions.Options;

namespace Quiz.Admin.Auth;

/// <summary>
/// Rules that need the environment: the local access key must never open a console outside
/// Development, and an OIDC setup must be complete before the first operator arrives.
/// </summary>
public sealed class AdminAuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AdminAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminAuthOptions options)
    {
        var failures = options.Mode switch
        {
            AdminAuthMode.LocalKey => ValidateLocalKey(options),
            AdminAuthMode.Oidc => ValidateOidc(options),
            _ => [$"Admin:Auth:Mode '{options.Mode}' is unknown."],
        };
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private List<string> ValidateLocalKey(AdminAuthOptions options)
    {
        List<string> failures = [];
        if (!environment.IsDevelopment())
        {
            failures.Add($"Admin:Auth:Mode=LocalKey is only allowed in the Development environment (current: {environment.EnvironmentName}).");
        }
        if ((options.LocalKey?.Length ?? 0) < AdminAuthOptions.MinimumLocalKeyLength)
        {
            failures.Add($"Admin:Auth:LocalKey must have at least {AdminAuthOptions.MinimumLocalKeyLength} characters.");
        }
        return failures;
    }

    private static List<string> ValidateOidc(AdminAuthOptions options)
    {
        List<string> failures = [];
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            failures.Add("Admin:Auth:Authority must be the absolute URL of the OpenID Connect provider. "
                + "For local runs without one, set Admin:Auth:Mode=LocalKey (Development only).");
        }
        else if (options.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Admin:Auth:Authority must use https unless Admin:Auth:RequireHttpsMetadata=false.");
        }
        return failures;
    }
}
