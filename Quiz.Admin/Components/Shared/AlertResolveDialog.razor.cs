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

    [Parameter, EditorRequired]
    public ReconciliationAlertRow Alert { get; set; } = default!;

    /// <summary>The console user's name, recorded as the one who resolved the alert.</summary>
    [Parameter, EditorRequired]
    public string ResolvedBy { get; set; } = "";

    [Inject]
    private ReconciliationAdministration Reconciliation { get; set; } = default!;

    /// <summary>Opens the dialog; true when it closed with the alert resolved (now or before) or gone.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, ReconciliationAlertRow alert, string resolvedBy) =>
        ShowAsync(dialogs, AdminTexts.Reconciliation.DialogTitle,
            new DialogParameters<AlertResolveDialog> { { d => d.Alert, alert }, { d => d.ResolvedBy, resolvedBy } }, MaxWidth.Small);

    private Task ResolveAsync() => CloseWhenAsync(() => Reconciliation.ResolveAsync(Alert.Id, note, ResolvedBy), result => result.Outcome switch
    {
        AlertResolveOutcome.Invalid => null,
        AlertResolveOutcome.Resolved => [(AdminTexts.Reconciliation.Resolved, Severity.Success)],
        AlertResolveOutcome.AlreadyResolved => [(AdminTexts.Reconciliation.AlreadyResolved, Severity.Info)],
        _ => [(AdminTexts.Reconciliation.NotFound, Severity.Info)],
    }, result => problem = result.Problem);
}
