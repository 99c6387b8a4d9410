namespace Quiz.Admin.Components.Layout;

public sealed partial class MainLayout
{
    private bool drawerOpen = true;

    private void ToggleDrawer() => drawerOpen = !drawerOpen;
}
