namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Reached only when a session expires inside a live circuit; a full page load lets the
/// server run the login challenge.
/// </summary>
public sealed partial class RedirectToLogin
{
    protected override void OnInitialized()
    {
        var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"{Auth.AccountEndpoints.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
    }
}
