using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// Every console address no page claims (the admin API keeps its own JSON answer under <c>/admin</c>): the
/// router's German <see cref="NotFound"/> page with a real 404, instead of the status code pages' JSON.
/// </summary>
public sealed partial class UnknownAddress
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The unknown rest of the address (only the route needs it).</summary>
    [Parameter]
    public string? Pfad { get; set; }

    protected override void OnInitialized() => Navigation.NotFound();
}
