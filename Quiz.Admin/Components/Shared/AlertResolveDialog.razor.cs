using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Reconciliation;

namespace Quiz.Admin.Components.Shared;

/// <summary>Resolves a reconciliation alert; the note is required (what was checked or done) and checked by Core.</summary>
public sealed partial class AlertResolveDialog
{
    private string note = "";
    private string? problem;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public ReconciliationAlertRow Alert { get; set; } = default!;

    /// <summary>The console user's name, recorded as the one who resolved the alert.</summary>
    [Parameter, EditorRequired]
    public string ResolvedBy { get; set; } = "";

    [Inject]
    private ReconciliationAdministration Reconciliation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens the dialog; true when the alert is resolved now.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, ReconciliationAlertRow alert, string resolvedBy)
    {
        var parameters = new DialogParameters<AlertResolveDialog> { { d => d.Alert, alert }, { d => d.ResolvedBy, resolvedBy } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<AlertResolveDialog>(AdminTexts.Reconciliation.DialogTitle, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    private async Task ResolveAsync()
    {
        busy = true;
        try
        {
            var result = await Reconciliation.ResolveAsync(Alert.Id, note, ResolvedBy);
            if (result.Outcome == AlertResolveOutcome.Invalid)
            {
                problem = result.Problem;
                return;
            }
            Snackbar.Add(result.Outcome switch
            {
                AlertResolveOutcome.Resolved => AdminTexts.Reconciliation.Resolved,
                AlertResolveOutcome.AlreadyResolved => AdminTexts.Reconciliation.AlreadyResolved,
                _ => AdminTexts.Reconciliation.NotFound,
            }, result.Outcome == AlertResolveOutcome.Resolved ? Severity.Success : Severity.Info);
            Dialog.Close(DialogResult.Ok(result.Outcome == AlertResolveOutcome.Resolved));
        }
        finally
        {
            busy = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
