using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace Quiz.Admin.Components;

public sealed partial class App
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    /// <summary>
    /// Console pages run interactively on the server; the sign-in and "Kein Zugriff" pages stay
    /// static because they read and write cookies and status codes on the HTTP response.
    /// </summary>
    private IComponentRenderMode? PageRenderMode =>
        HttpContext.AcceptsInteractiveRouting() ? RenderMode.InteractiveServer : null;
}
