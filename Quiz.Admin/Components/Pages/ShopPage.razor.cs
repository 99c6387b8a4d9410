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

    [Inject]
    private PackageAdministration Packages { get; set; } = default!;

    protected override Task LoadAsync() => ReadAsync("Packages", async () => packages = await Packages.ListAsync());

    private async Task CreateAsync()
    {
        if (await PackageEditDialog.ShowAsync(Dialogs, packageId: null)) await LoadAsync();
    }

    private async Task EditAsync(PackageRow row)
    {
        if (await PackageEditDialog.ShowAsync(Dialogs, row.Id)) await LoadAsync();
    }

    private Task SetActiveAsync(PackageRow row, bool active) => RunAsync(async () =>
    {
        var outcome = await Packages.SetActiveAsync(row.Id, active);
        return (outcome switch
        {
            PackageActivation.Changed => $"{(active ? AdminTexts.Shop.Activated : AdminTexts.Shop.Deactivated)} ({row.Id})",
            PackageActivation.Unchanged => AdminTexts.Shop.Unchanged,
            _ => AdminTexts.Shop.NotFound,
        }, outcome == PackageActivation.Changed ? Severity.Success : Severity.Info);
    });
}
