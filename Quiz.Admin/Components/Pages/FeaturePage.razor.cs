using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Features;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Schalter" (admins only): maintenance mode and each feature on or off for every player. Switching maintenance on asks
/// first; every change goes through Core, which audits it (who, when, old → new) and signals the bots. A switch shows what
/// is stored: flips are saved one after the other, none dropped while another is saved, and the switches are drawn anew
/// from each read (a browser keeps a flipped checkbox flipped when the server's value did not change, e.g. after
/// "Abbrechen" at the maintenance question).
/// </summary>
public sealed partial class FeaturePage
{
    private IReadOnlyList<FeatureSwitchView>? switches;
    private IReadOnlyList<FeatureChangeLine>? history;
    private Task changes = Task.CompletedTask;
    private int drawn;

    [Inject]
    private FeatureSwitches Switches { get; set; } = default!;

    protected override Task LoadAsync() => ReadAsync("Feature switches", async () =>
    {
        switches = await Switches.ListAsync();
        history = await Switches.HistoryAsync();
        drawn++;
    });

    private static string SwitchName(string subject) =>
        FeatureKeys.TryParse(subject.StartsWith("feature:", StringComparison.Ordinal) ? subject["feature:".Length..] : subject, out var feature)
            ? AdminTexts.Features.Name(feature)
            : subject;

    /// <summary>Queues the flip behind the ones not saved yet (the circuit runs one handler at a time, so this chain is safe).</summary>
    private Task ToggleAsync(FeatureSwitchView row, bool on) => changes = AfterAsync(changes, row, on);

    private async Task AfterAsync(Task before, FeatureSwitchView row, bool on)
    {
        await before;
        await ChangeAsync(row, on);
    }

    private async Task ChangeAsync(FeatureSwitchView row, bool on)
    {
        if (await AdminAsync(AdminTexts.Features.AdminOnly) is not { } admin)
        {
            drawn++;
            return;
        }
        if (row.Feature == Feature.Maintenance && on && await Dialogs.ShowMessageBoxAsync(
                AdminTexts.Features.ConfirmTitle, AdminTexts.Features.MaintenanceConfirm,
                yesText: AdminTexts.Features.Confirm, cancelText: AdminTexts.Features.Cancel) != true)
        {
            drawn++;
            return;
        }
        await RunAsync(async () =>
        {
            var result = await Switches.ChangeAsync(new Dictionary<Feature, bool> { [row.Feature] = on }, admin);
            return result.Changed.Count > 0
                ? (AdminTexts.Features.Switched(row.Feature, on), Severity.Success)
                : (AdminTexts.Features.Unchanged, Severity.Info);
        });
    }
}
