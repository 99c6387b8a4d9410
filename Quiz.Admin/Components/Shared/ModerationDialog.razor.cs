using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.AntiCheat;

namespace Quiz.Admin.Components.Shared;

/// <summary>What an operator can do to a player from the player page; each needs a reason, which is audited.</summary>
public enum PlayerAction
{
    Ban,
    Unban,
    Hold,
    Restore,
    Flag,
}

/// <summary>
/// The confirmation of a moderation step with its required reason: the dialog runs it (AntiCheat's
/// <see cref="PlayerModeration"/> or a manual flag through <see cref="CheatFlags"/>) and stays open while the reason is missing.
/// </summary>
public sealed partial class ModerationDialog
{
    private string reason = "";
    private string? problem;

    [Parameter, EditorRequired]
    public PlayerAction Action { get; set; }

    [Parameter, EditorRequired]
    public long PlayerId { get; set; }

    [Parameter, EditorRequired]
    public string PlayerName { get; set; } = "";

    /// <summary>The console user's name, recorded with the step.</summary>
    [Parameter, EditorRequired]
    public string Operator { get; set; } = "";

    [Inject]
    private PlayerModeration Moderation { get; set; } = default!;

    [Inject]
    private CheatFlags Flags { get; set; } = default!;

    private string Verb => Action switch
    {
        PlayerAction.Ban => AdminTexts.Moderation.Ban,
        PlayerAction.Unban => AdminTexts.Moderation.Unban,
        PlayerAction.Hold => AdminTexts.Moderation.Hold,
        PlayerAction.Restore => AdminTexts.Moderation.Restore,
        _ => AdminTexts.Moderation.Flag,
    };

    /// <summary>Opens the dialog; true when it closed with the step taken (now or before) or the player gone.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, PlayerAction action, long playerId, string playerName, string operatorName) =>
        ShowAsync(dialogs, AdminTexts.Moderation.Title(action), new DialogParameters<ModerationDialog>
        {
            { d => d.Action, action }, { d => d.PlayerId, playerId }, { d => d.PlayerName, playerName }, { d => d.Operator, operatorName },
        }, MaxWidth.Small);

    private Task ConfirmAsync()
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            problem = AdminTexts.Moderation.ReasonRequired;
            return Task.CompletedTask;
        }
        return CloseWhenAsync(RunAsync, outcome => outcome switch
        {
            ModerationResult.ReasonRequired => null,
            ModerationResult.Done => [(AdminTexts.Moderation.Done(Action), Severity.Success)],
            ModerationResult.AlreadyInThatState => [(AdminTexts.Moderation.Already(Action), Severity.Info)],
            _ => [(AdminTexts.Moderation.NotFound, Severity.Warning)],
        }, _ => problem = AdminTexts.Moderation.ReasonRequired);
    }

    private async Task<ModerationResult> RunAsync() => Action switch
    {
        PlayerAction.Ban => await Moderation.BanAsync(PlayerId, reason, Operator),
        PlayerAction.Unban => await Moderation.UnbanAsync(PlayerId, reason, Operator),
        PlayerAction.Hold => await Moderation.HoldAsync(PlayerId, reason, Operator),
        PlayerAction.Restore => await Moderation.RestoreAsync(PlayerId, reason, Operator),
        _ => await Flags.RaiseManualAsync(PlayerId, reason, Operator) > 0 ? ModerationResult.Done : ModerationResult.NotFound,
    };
}
