using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.AntiCheat;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// The verdict on one flag: a false positive, or confirmed (optionally banning or holding the player in the same
/// action, through <see cref="FlagReview"/>). The note is required; the dialog stays open until it is given.
/// </summary>
public sealed partial class FlagDecisionDialog
{
    private FlagStatus verdict = FlagStatus.Dismissed;
    private FlagConsequence consequence = FlagConsequence.None;
    private string note = "";
    private string? problem;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public long FlagId { get; set; }

    [Parameter, EditorRequired]
    public FlagKind Kind { get; set; }

    [Parameter, EditorRequired]
    public string PlayerName { get; set; } = "";

    /// <summary>The console user's name, recorded with the verdict.</summary>
    [Parameter, EditorRequired]
    public string Operator { get; set; } = "";

    [Inject]
    private FlagReview Review { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens the dialog; true when this operator's verdict was recorded.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, long flagId, FlagKind kind, string playerName, string operatorName)
    {
        var parameters = new DialogParameters<FlagDecisionDialog>
        {
            { d => d.FlagId, flagId }, { d => d.Kind, kind }, { d => d.PlayerName, playerName }, { d => d.Operator, operatorName },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<FlagDecisionDialog>(AdminTexts.Flags.DialogTitle, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    private async Task DecideAsync()
    {
        busy = true;
        try
        {
            var decision = verdict == FlagStatus.Confirmed
                ? await Review.ConfirmAsync(FlagId, note, consequence, Operator)
                : await Review.DismissAsync(FlagId, note, Operator);
            if (decision.Verdict == FlagResolveResult.NoteRequired)
            {
                problem = AdminTexts.Flags.NoteRequired;
                return;
            }
            foreach (var (text, severity) in Messages(decision)) Snackbar.Add(text, severity);
            Dialog.Close(DialogResult.Ok(decision.Verdict == FlagResolveResult.Done));
        }
        finally
        {
            busy = false;
        }
    }

    private IEnumerable<(string, Severity)> Messages(FlagDecision decision)
    {
        yield return decision.Verdict switch
        {
            FlagResolveResult.Done => (verdict == FlagStatus.Confirmed ? AdminTexts.Flags.Confirmed : AdminTexts.Flags.Dismissed, Severity.Success),
            FlagResolveResult.AlreadyResolved => (AdminTexts.Flags.AlreadyResolved, Severity.Info),
            _ => (AdminTexts.Flags.NotFound, Severity.Warning),
        };
        switch (decision.Moderation)
        {
            case ModerationResult.Done:
                yield return (consequence == FlagConsequence.Ban ? AdminTexts.Moderation.Done(PlayerAction.Ban) : AdminTexts.Moderation.Done(PlayerAction.Hold), Severity.Success);
                break;
            case ModerationResult.AlreadyInThatState:
                yield return (consequence == FlagConsequence.Ban ? AdminTexts.Flags.AlreadyBanned : AdminTexts.Flags.AlreadyHeld, Severity.Info);
                break;
            case ModerationResult.NotFound:
                yield return (AdminTexts.Flags.PlayerGone, Severity.Warning);
                break;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
