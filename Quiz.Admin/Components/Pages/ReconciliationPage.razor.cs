using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Reconciliation;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Abgleich" (admins only): the Stars reconciliation's runs, its open differences with the
/// player and purchase, resolving one with a required note, and a run on demand.
/// </summary>
public sealed partial class ReconciliationPage
{
    private IReadOnlyList<ReconciliationAlertRow>? open;
    private IReadOnlyList<ReconciliationAlertRow>? resolved;
    private IReadOnlyList<ReconciliationRunRow>? runs;

    [Inject]
    private ReconciliationAdministration Reconciliation { get; set; } = default!;

    private static string PurchaseLink(string chargeId) => $"/kaeufe?suche={Uri.EscapeDataString(chargeId)}";

    private static string Amount(int? stars) => stars is { } value ? $"{AdminFormat.Number(value)} ⭐" : "–";

    private static string Player(ReconciliationAlertRow alert) => alert switch
    {
        { TelegramUserId: null } => AdminTexts.Reconciliation.UnknownPlayer,
        { PlayerName: null } => $"{AdminTexts.Reconciliation.UnknownPlayer} · {alert.TelegramUserId}",
        _ => $"{alert.PlayerName}{(alert.Username is { } u ? $" (@{u})" : "")} · {alert.TelegramUserId}",
    };

    protected override Task LoadAsync() => ReadAsync("Reconciliation", async () =>
    {
        open = await Reconciliation.OpenAlertsAsync();
        runs = await Reconciliation.RunsAsync();
        resolved = await Reconciliation.ResolvedAlertsAsync();
    });

    private async Task RunNowAsync()
    {
        if (await AdminAsync() is not { } operatorName) return;
        await RunAsync(async () =>
        {
            var result = await Reconciliation.RunNowAsync(operatorName);
            return result.Started
                ? (AdminTexts.Reconciliation.Started, Severity.Success)
                : (string.Format(CultureInfo.InvariantCulture, AdminTexts.Reconciliation.AlreadyWaiting, result.Run.RequestedBy, AdminFormat.Moment(result.Run.RequestedAt)), Severity.Info);
        });
    }

    private async Task ResolveAsync(ReconciliationAlertRow alert)
    {
        if (await AdminAsync() is not { } operatorName) return;
        await AlertResolveDialog.ShowAsync(Dialogs, alert, operatorName);
        await LoadAsync();
    }
}
