using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What every dialog of the console that changes something shares (<see cref="EditDialog"/>, <see cref="TournamentDialog"/>
/// and the dialogs that decide a case, a flag, an alert or a moderation step): opened medium or small wide, closable with
/// Escape; a step that is taken shows German snackbars and closes (the page then reloads), one that is refused leaves the
/// dialog open to show why.
/// </summary>
public abstract class ConsoleDialog : ComponentBase
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected bool Saving { get; private set; }

    /// <summary>Opens a dialog of this kind; true when it saved.</summary>
    protected static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters<TDialog> parameters, MaxWidth width = MaxWidth.Medium)
        where TDialog : ConsoleDialog
    {
        var options = new DialogOptions { MaxWidth = width, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Runs <paramref name="save"/>; when <paramref name="succeeded"/> shows <paramref name="saved"/> and closes, otherwise hands the result to <paramref name="refused"/>.</summary>
    protected Task CloseWhenSavedAsync<TResult>(Func<Task<TResult>> save, Func<TResult, bool> succeeded, string saved, Action<TResult> refused) =>
        CloseWhenAsync(save, result => succeeded(result) ? [(saved, Severity.Success)] : null, refused);

    /// <summary>
    /// Runs <paramref name="step"/>; when <paramref name="closeWith"/> gives messages for its result (the step was taken,
    /// or is moot: done before, gone) shows them and closes, otherwise hands the result to <paramref name="refused"/>.
    /// </summary>
    protected async Task CloseWhenAsync<TResult>(
        Func<Task<TResult>> step, Func<TResult, IReadOnlyList<(string Text, Severity Severity)>?> closeWith, Action<TResult> refused)
    {
        Saving = true;
        try
        {
            var result = await step();
            if (closeWith(result) is { } messages)
            {
                foreach (var (text, severity) in messages) Snackbar.Add(text, severity);
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
