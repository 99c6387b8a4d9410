using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Core.Common;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What the console's edit dialogs share: Core's <see cref="SaveResult"/> handled alike — saved closes
/// the dialog with a German snackbar, broken rules are listed, and a conflict (someone saved in
/// between) offers to reload instead of overwriting.
/// </summary>
public abstract class EditDialog : ComponentBase
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>German, for the operator; from Core's rules or the dialog's own load.</summary>
    protected IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>The last save lost against someone else's; the dialog offers to reload.</summary>
    protected bool Conflict { get; set; }

    protected bool Saving { get; private set; }

    /// <summary>Opens a dialog of this kind; true when it saved.</summary>
    protected static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : EditDialog
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Saves; on success shows <paramref name="saved"/> and closes, otherwise shows why not.</summary>
    protected async Task TrySaveAsync(Func<Task<SaveResult>> save, string saved)
    {
        Saving = true;
        try
        {
            var result = await save();
            if (result.Outcome == SaveOutcome.Saved)
            {
                Snackbar.Add(saved, Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
                return;
            }
            Errors = [.. result.Errors];
            Conflict = result.Outcome == SaveOutcome.Conflict;
        }
        finally
        {
            Saving = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
