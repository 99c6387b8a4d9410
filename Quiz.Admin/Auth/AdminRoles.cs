using System.Security.Claims;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Auth;

public static class AdminRoles
{
    public const string Admin = "admin";
    public const string Moderator = "moderator";

    /// <summary>Every console page and the Blazor circuit need one of these roles.</summary>
    public const string ConsolePolicy = "Konsole";

    /// <summary>Both roles, as <c>AuthorizeView.Roles</c> takes them: what a moderator may see as well (README, "Rollen").</summary>
    public const string Both = $"{Admin},{Moderator}";

    public static string Describe(ClaimsPrincipal user) =>
        user.IsInRole(Admin) ? AdminTexts.Roles.Admin
        : user.IsInRole(Moderator) ? AdminTexts.Roles.Moderator
        : AdminTexts.Roles.None;

    public static string DisplayName(ClaimsPrincipal user) =>
        user.Identity?.Name
        ?? user.FindFirst("preferred_username")?.Value
        ?? user.FindFirst("email")?.Value
        ?? user.FindFirst("sub")?.Value
        ?? "?";
}
