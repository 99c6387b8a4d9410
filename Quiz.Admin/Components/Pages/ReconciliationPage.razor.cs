using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
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
    private bool loadFailed;
    private bool busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private ReconciliationAdministration Reconciliation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<ReconciliationPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string PurchaseLink(string chargeId) => $"/kaeufe?suche={Uri.EscapeDataString(chargeId)}";

    private static string Amount(int? stars) => stars is { } value ? $"{AdminFormat.Number(value)} ⭐" : "–";

    private static string Player(ReconciliationAlertRow alert) => alert switch
    {
        { TelegramUserId: null } => AdminTexts.Reconciliation.UnknownPlayer,
        { PlayerName: null } => $"{AdminTexts.Reconciliation.UnknownPlayer} · {alert.TelegramUserId}",
        _ => $"{alert.PlayerName}{(alert.Username is { } u ? $" (@{u})" : "")} · {alert.TelegramUserId}",
    };

    private async Task LoadAsync()
    {
        try
        {
            open = await Reconciliation.OpenAlertsAsync();
            runs = await Reconciliation.RunsAsync();
            resolved = await Reconciliation.ResolvedAlertsAsync();
            loadFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reconciliation could not be loaded");
            loadFailed = true;
        }
    }

    private async Task RunNowAsync()
    {
        var user = (await Authentication).User;
        if (!user.IsInRole(AdminRoles.Admin)) return;
        busy = true;
        try
        {
            var result = await Reconciliation.RunNowAsync(AdminRoles.DisplayName(user));
            if (result.Started) Snackbar.Add(AdminTexts.Reconciliation.Started, Severity.Success);
            else Snackbar.Add(string.Format(CultureInfo.InvariantCulture, AdminTexts.Reconciliation.AlreadyWaiting, result.Run.RequestedBy, AdminFormat.Moment(result.Run.RequestedAt)), Severity.Info);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ResolveAsync(ReconciliationAlertRow alert)
    {
        var user = (await Authentication).User;
        if (!user.IsInRole(AdminRoles.Admin)) return;
        await AlertResolveDialog.ShowAsync(Dialogs, alert, AdminRoles.DisplayName(user));
        await LoadAsync();
    }
}
