using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Components.Pages;

public sealed partial class AccessDenied
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "grund")]
    private string? Grund { get; set; }

    private bool SignInFailed => Grund == "anmeldung";

    /// <summary>
    /// A moderator reaches the console but not the admin pages; only an account with no console role at all
    /// is told it has none.
    /// </summary>
    public static string Reason(ClaimsPrincipal user) =>
        user.IsInRole(AdminRoles.Moderator) ? AdminTexts.AccessDenied.AdminOnly : AdminTexts.AccessDenied.NoRole;

    /// <summary>A real 403, so neither browsers nor monitoring take the refusal for a working page.</summary>
    protected override void OnInitialized() => HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
}
