using MudBlazor;

namespace Quiz.Admin.Components.Layout;

public static class AdminTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#f0a202",
            AppbarBackground = "#1e5aa8",
        },
    };
}
