using Quiz.Core.Common;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What the console's edit dialogs share: Core's <see cref="SaveResult"/> handled alike — saved closes
/// the dialog with a German snackbar, broken rules are listed, and a conflict (someone saved in
/// between) offers to reload instead of overwriting.
/// </summary>
public abstract class EditDialog : ConsoleDialog
{
    /// <summary>German, for the operator; from Core's rules or the dialog's own load.</summary>
    protected IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>The last save lost against someone else's; the dialog offers to reload.</summary>
    protected bool Conflict { get; set; }

    /// <summary>Saves; on success shows <paramref name="saved"/> and closes, otherwise shows why not.</summary>
    protected Task TrySaveAsync(Func<Task<SaveResult>> save, string saved) =>
        CloseWhenSavedAsync(save, result => result.Outcome == SaveOutcome.Saved, saved, result =>
        {
            Errors = [.. result.Errors];
            Conflict = result.Outcome == SaveOutcome.Conflict;
        });
}
