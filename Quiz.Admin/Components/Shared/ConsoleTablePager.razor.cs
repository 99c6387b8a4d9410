using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// MudBlazor's table pager with German texts: "Zeilen pro Seite", "1–10 von 50", "Alle". The pager takes these as
/// parameters (not from the localizer that <see cref="Hosting.GermanMudLocalizer"/> feeds), so every table uses this one.
/// </summary>
public sealed partial class ConsoleTablePager
{
    [Parameter]
    public int[] PageSizeOptions { get; set; } = [10, 25, 50, 100];
}
