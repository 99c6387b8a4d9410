using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What every saving dialog of the console shares (<see cref="EditDialog"/>, <see cref="TournamentDialog"/>): opened medium
/// wide, closable with Escape; a save that succeeds shows a German snackbar and closes with "saved", one that does not leaves
/// the dialog open for its base to show why.
/// </summary>
public abstract class ConsoleDialog : ComponentBase
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected bool Saving { get; private set; }

    /// <summary>Opens a dialog of this kind; true when it saved.</summary>
    protected static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : ConsoleDialog
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Runs <paramref name="save"/>; when <paramref name="succeeded"/> shows <paramref name="saved"/> and closes, otherwise hands the result to <paramref name="refused"/>.</summary>
    protected async Task CloseWhenSavedAsync<TResult>(Func<Task<TResult>> save, Func<TResult, bool> succeeded, string saved, Action<TResult> refused)
    {
        Saving = true;
        try
        {
            var result = await save();
            if (succeeded(result))
            {
                Snackbar.Add(saved, Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
                return;
            }
            refused(result);
        }
        finally
        {
            Saving = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
