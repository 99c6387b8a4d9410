using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Admin;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Shop" (admins only: prices and contents are business decisions): every package, active or not,
/// with create, edit and activate/deactivate. Packages are never deleted; invoices point at them.
/// </summary>
public sealed partial class ShopPage
{
    private IReadOnlyList<PackageRow>? packages;
    private bool loadFailed;
    private bool busy;

    [Inject]
    private PackageAdministration Packages { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<ShopPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            packages = await Packages.ListAsync();
            loadFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Packages could not be loaded");
            loadFailed = true;
        }
    }

    private async Task CreateAsync()
    {
        if (await PackageEditDialog.ShowAsync(Dialogs, packageId: null)) await LoadAsync();
    }

    private async Task EditAsync(PackageRow row)
    {
        if (await PackageEditDialog.ShowAsync(Dialogs, row.Id)) await LoadAsync();
    }

    private async Task SetActiveAsync(PackageRow row, bool active)
    {
        busy = true;
        try
        {
            var outcome = await Packages.SetActiveAsync(row.Id, active);
            Snackbar.Add(outcome switch
            {
                PackageActivation.Changed => $"{(active ? AdminTexts.Shop.Activated : AdminTexts.Shop.Deactivated)} ({row.Id})",
                PackageActivation.Unchanged => AdminTexts.Shop.Unchanged,
                _ => AdminTexts.Shop.NotFound,
            }, outcome == PackageActivation.Changed ? Severity.Success : Severity.Info);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
