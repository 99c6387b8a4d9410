using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Turniere" (admins only): every tournament with its state in Berlin time, creating a draft,
/// and the lifecycle steps "now" — the worker's clock does the same at the planned times, so a
/// step that the clock already took answers "nothing changed". The role is checked again on the
/// click, and each step is audited in Core under the operator's name.
/// </summary>
public sealed partial class TournamentPage
{
    private IReadOnlyList<TournamentRow>? tournaments;
    private bool loadFailed;
    private bool busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private TournamentAdministration Tournaments { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<TournamentPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static Color StateColor(TournamentState state) => state switch
    {
        TournamentState.Scheduled => Color.Info,
        TournamentState.Active => Color.Success,
        TournamentState.Finished => Color.Warning,
        TournamentState.Rewarded => Color.Primary,
        _ => Color.Default,
    };

    private async Task LoadAsync()
    {
        try
        {
            tournaments = await Tournaments.ListAsync();
            loadFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Tournaments could not be loaded");
            loadFailed = true;
        }
    }

    private async Task CreateAsync()
    {
        if (await OperatorAsync() is not { } operatorName) return;
        if (await TournamentCreateDialog.ShowAsync(Dialogs, operatorName)) await LoadAsync();
    }

    private Task ScheduleAsync(TournamentRow row) => StepAsync(async operatorName =>
    {
        var result = await Tournaments.ScheduleAsync(row.Id, operatorName);
        return result.Errors.Count > 0
            ? ($"{AdminTexts.Tournaments.Invalid} {string.Join(" ", result.Errors)}", Severity.Warning)
            : Report(result.Outcome, AdminTexts.Tournaments.Scheduled, row);
    });

    private async Task StartAsync(TournamentRow row)
    {
        if (!await ConfirmAsync(row, AdminTexts.Tournaments.StartNow, AdminTexts.Tournaments.StartQuestion)) return;
        await StepAsync(async operatorName => Report(await Tournaments.StartNowAsync(row.Id, operatorName), AdminTexts.Tournaments.Started, row));
    }

    private async Task FinishAsync(TournamentRow row)
    {
        if (!await ConfirmAsync(row, AdminTexts.Tournaments.FinishNow, AdminTexts.Tournaments.FinishQuestion)) return;
        await StepAsync(async operatorName => Report(await Tournaments.FinishNowAsync(row.Id, operatorName), AdminTexts.Tournaments.Finished, row));
    }

    private Task RewardAsync(TournamentRow row) =>
        StepAsync(async operatorName => Report(await Tournaments.IssueRewardsAsync(row.Id, operatorName), AdminTexts.Tournaments.Rewarded, row));

    private Task StandingsAsync(TournamentRow row) => TournamentStandingsDialog.ShowAsync(Dialogs, row.Id, row.Title);

    private async Task<bool> ConfirmAsync(TournamentRow row, string action, string question)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"{action}: {row.Title}", question, yesText: action, cancelText: AdminTexts.Tournaments.Cancel);
        return confirmed == true;
    }

    private async Task StepAsync(Func<string, Task<(string Text, Severity Severity)>> step)
    {
        if (await OperatorAsync() is not { } operatorName) return;
        busy = true;
        try
        {
            var (text, severity) = await step(operatorName);
            Snackbar.Add(text, severity);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>The signed-in admin's name for the audit log; null (and a message) for anyone else.</summary>
    private async Task<string?> OperatorAsync()
    {
        var user = (await Authentication).User;
        if (user.IsInRole(AdminRoles.Admin)) return AdminRoles.DisplayName(user);
        Snackbar.Add(AdminTexts.Tournaments.AdminOnly, Severity.Error);
        return null;
    }

    private static (string Text, Severity Severity) Report(TransitionOutcome outcome, string done, TournamentRow row) => outcome switch
    {
        TransitionOutcome.Changed => ($"{done} {row.Title}", Severity.Success),
        TransitionOutcome.NoChange => (AdminTexts.Tournaments.NoChange, Severity.Info),
        TransitionOutcome.NoQuestions => (AdminTexts.Tournaments.NoQuestions, Severity.Error),
        _ => (AdminTexts.Tournaments.NotFound, Severity.Warning),
    };
}
