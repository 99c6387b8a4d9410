using Microsoft.AspNetCore.Components;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What the tournament and the series dialog share: the operator making the change, Core's <see cref="TournamentSaveResult"/>
/// handled alike — saved (or an edit that changed nothing) closes the dialog with a German snackbar, broken rules are listed.
/// </summary>
public abstract class TournamentDialog : ConsoleDialog
{
    /// <summary>The admin making the change (audited in Core).</summary>
    [Parameter]
    public string OperatorName { get; set; } = "";

    [Inject]
    protected TimeProvider Time { get; private set; } = default!;

    /// <summary>German, from Core's rules or the dialog's own check of its fields.</summary>
    protected List<string> Errors { get; set; } = [];

    /// <summary>Saves; on success (or an edit that changed nothing) shows <paramref name="saved"/> and closes, otherwise lists why not.</summary>
    protected Task SaveAsync(Func<Task<TournamentSaveResult>> save, bool editing, string saved) =>
        CloseWhenSavedAsync(save, result => result.Succeeded || (editing && result is { Outcome: TransitionOutcome.NoChange, Errors.Count: 0 }), saved,
            result => Errors = [.. result.Errors]);
}
