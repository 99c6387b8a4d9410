using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Reconciliation;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Abgleich" (admins only): the Stars reconciliation's last reconciled point, its runs with their
/// progress and the reason a run failed, its open differences with the player and purchase,
/// resolving one with a required note, and a run on demand.
/// </summary>
public sealed partial class ReconciliationPage
{
    private IReadOnlyList<ReconciliationAlertRow>? open;
    private IReadOnlyList<ReconciliationAlertRow>? resolved;
    private IReadOnlyList<ReconciliationRunRow>? runs;
    private ReconciliationCursorRow? cursor;

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

    private static string CursorText(ReconciliationCursorRow c) => c.LastDate is { } date
        ? string.Format(CultureInfo.InvariantCulture, AdminTexts.Reconciliation.CursorAt, AdminFormat.Number(c.Offset), AdminFormat.Moment(date))
        : AdminTexts.Reconciliation.CursorNone;

    private static string Progress(ReconciliationRunRow run) =>
        string.Format(CultureInfo.InvariantCulture, AdminTexts.Reconciliation.Progress, AdminFormat.Number(run.Steps), AdminFormat.Number(run.NextOffset));

    protected override Task LoadAsync() => ReadAsync("Reconciliation", async () =>
    {
        open = await Reconciliation.OpenAlertsAsync();
        runs = await Reconciliation.RunsAsync();
        resolved = await Reconciliation.ResolvedAlertsAsync();
        cursor = await Reconciliation.CursorAsync();
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
