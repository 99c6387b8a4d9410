using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Pages;

public sealed partial class AccessDenied
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "grund")]
    private string? Reason { get; set; }

    private bool SignInFailed => Reason == "anmeldung";

    /// <summary>A real 403, so neither browsers nor monitoring take the refusal for a working page.</summary>
    protected override void OnInitialized() => HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
}
