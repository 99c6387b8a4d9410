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

    /// <summary>Opens the dialog; true when it closed with a verdict (this operator's or an earlier one) or the flag gone.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, long flagId, FlagKind kind, string playerName, string operatorName) =>
        ShowAsync(dialogs, AdminTexts.Flags.DialogTitle, new DialogParameters<FlagDecisionDialog>
        {
            { d => d.FlagId, flagId }, { d => d.Kind, kind }, { d => d.PlayerName, playerName }, { d => d.Operator, operatorName },
        }, MaxWidth.Small);

    private Task DecideAsync() => CloseWhenAsync(
        () => verdict == FlagStatus.Confirmed ? Review.ConfirmAsync(FlagId, note, consequence, Operator) : Review.DismissAsync(FlagId, note, Operator),
        decision => decision.Verdict == FlagResolveResult.NoteRequired ? null : [.. Messages(decision)],
        _ => problem = AdminTexts.Flags.NoteRequired);

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
}
