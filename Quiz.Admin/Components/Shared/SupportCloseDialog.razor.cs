using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Closes a support case with an optional reply to the player. The rules are checked by
/// <see cref="SupportCaseAdministration"/> and shown in German; the dialog stays open until they hold.
/// </summary>
public sealed partial class SupportCloseDialog
{
    private string reply = "";
    private string? problem;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public SupportCaseRow Case { get; set; } = default!;

    /// <summary>The console user's name, recorded as the one who closed the case.</summary>
    [Parameter, EditorRequired]
    public string ClosedBy { get; set; } = "";

    [Inject]
    private SupportCaseAdministration Cases { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens the dialog; true when the case is closed now (by this dialog or before).</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, SupportCaseRow supportCase, string closedBy)
    {
        var parameters = new DialogParameters<SupportCloseDialog> { { d => d.Case, supportCase }, { d => d.ClosedBy, closedBy } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<SupportCloseDialog>(AdminTexts.Support.DialogTitle, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    private async Task CloseCaseAsync()
    {
        busy = true;
        try
        {
            var result = await Cases.CloseAsync(Case.Id, reply, ClosedBy);
            switch (result.Outcome)
            {
                case SupportCloseOutcome.Invalid:
                    problem = result.Problem;
                    return;
                case SupportCloseOutcome.Closed:
                    Snackbar.Add($"{AdminTexts.Support.Closed} (#{Case.Number})", Severity.Success);
                    break;
                case SupportCloseOutcome.AlreadyClosed:
                    Snackbar.Add(AdminTexts.Support.AlreadyClosed, Severity.Info);
                    break;
                default:
                    Snackbar.Add(AdminTexts.Support.NotFound, Severity.Warning);
                    Dialog.Cancel();
                    return;
            }
            Dialog.Close(DialogResult.Ok(true));
        }
        finally
        {
            busy = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
