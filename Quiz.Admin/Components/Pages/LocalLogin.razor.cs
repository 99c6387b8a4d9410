using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Quiz.Admin.Auth;
using Quiz.Admin.Hosting;

namespace Quiz.Admin.Components.Pages;

public sealed partial class LocalLogin
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private IOptions<AdminAuthOptions> Options { get; set; } = default!;

    [Inject]
    private IHostEnvironment Environment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "fehler")]
    private int? Error { get; set; }

    private bool WrongKey => Error is not null;

    private bool Allowed => Environment.IsDevelopment() && ClientAddress.IsLoopback(HttpContext);

    protected override void OnInitialized()
    {
        if (Options.Value.Mode != AdminAuthMode.LocalKey)
        {
            Navigation.NavigateTo("/");
        }
        else if (!Allowed)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
