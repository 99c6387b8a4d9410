using System.ComponentModel.DataAnnotations;

namespace Quiz.Admin.Auth;

public enum AdminAuthMode
{
    /// <summary>OpenID Connect, authorization code + PKCE. The only mode allowed outside Development.</summary>
    Oidc,

    /// <summary>Access key for local runs without an identity provider (Development + loopback only).</summary>
    LocalKey,
}

/// <summary>Section <c>Admin:Auth</c>.</summary>
public sealed class AdminAuthOptions
{
    public const string Section = "Admin:Auth";
    public const int MinimumLocalKeyLength = 16;

    public AdminAuthMode Mode { get; set; } = AdminAuthMode.Oidc;

    public string? Authority { get; set; }

    [Required]
    public string ClientId { get; set; } = "quiz-admin";

    /// <summary>Optional: without it the console acts as a public client, protected by PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes requested from the identity provider.</summary>
    [Required]
    public string Scopes { get; set; } = "openid profile";

    /// <summary>ID-token claim that carries the roles <c>admin</c>/<c>moderator</c>.</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    public bool RequireHttpsMetadata { get; set; } = true;

    public string? LocalKey { get; set; }
}
