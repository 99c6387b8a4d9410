using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What the tournament and the series dialog share: the operator making the change, Core's <see cref="TournamentSaveResult"/>
/// handled alike — saved (or an edit that changed nothing) closes the dialog with a German snackbar, broken rules are listed.
/// </summary>
public abstract class TournamentDialog : ComponentBase
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The admin making the change (audited in Core).</summary>
    [Parameter]
    public string OperatorName { get; set; } = "";

    [Inject]
    protected TimeProvider Time { get; private set; } = default!;

    /// <summary>German, from Core's rules or the dialog's own check of its fields.</summary>
    protected List<string> Errors { get; set; } = [];

    protected bool Saving { get; private set; }

    /// <summary>Opens a dialog of this kind; true when it saved.</summary>
    protected static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : TournamentDialog
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Saves; on success (or an edit that changed nothing) shows <paramref name="saved"/> and closes, otherwise lists why not.</summary>
    protected async Task SaveAsync(Func<Task<TournamentSaveResult>> save, bool editing, string saved)
    {
        Saving = true;
        try
        {
            var result = await save();
            if (result.Succeeded || (editing && result is { Outcome: TransitionOutcome.NoChange, Errors.Count: 0 }))
            {
                Snackbar.Add(saved, Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
                return;
            }
            Errors = [.. result.Errors];
        }
        finally
        {
            Saving = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
