using Microsoft.AspNetCore.Components;
using MudBlazor;
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

    [Inject]
    private TournamentAdministration Tournaments { get; set; } = default!;

    private static Color StateColor(TournamentState state) => state switch
    {
        TournamentState.Scheduled => Color.Info,
        TournamentState.Active => Color.Success,
        TournamentState.Finished => Color.Warning,
        TournamentState.Rewarded => Color.Primary,
        TournamentState.Cancelled => Color.Error,
        _ => Color.Default,
    };

    protected override Task LoadAsync() => ReadAsync("Tournaments", async () => tournaments = await Tournaments.ListAsync());

    private async Task CreateAsync()
    {
        if (await AdminAsync(AdminTexts.Tournaments.AdminOnly) is not { } operatorName) return;
        if (await TournamentCreateDialog.ShowAsync(Dialogs, operatorName)) await LoadAsync();
    }

    private async Task EditAsync(TournamentRow row)
    {
        if (await AdminAsync(AdminTexts.Tournaments.AdminOnly) is not { } operatorName) return;
        if (await TournamentCreateDialog.ShowAsync(Dialogs, operatorName, row)) await LoadAsync();
    }

    private async Task CancelAsync(TournamentRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"{AdminTexts.Tournaments.CancelTournament}: {Label(row)}", AdminTexts.Tournaments.CancelQuestion,
            yesText: AdminTexts.Tournaments.CancelTournament, cancelText: AdminTexts.Tournaments.Keep);
        if (confirmed != true) return;
        await StepAsync(async operatorName => Report(await Tournaments.CancelAsync(row.Id, operatorName), AdminTexts.Tournaments.Cancelled, row));
    }

    /// <summary>Planning opens the tournament to players: asked first, like starting and finishing now.</summary>
    private Task ScheduleAsync(TournamentRow row) => ConfirmedStepAsync(row, AdminTexts.Tournaments.Schedule, AdminTexts.Tournaments.ScheduleQuestion, async operatorName =>
    {
        var result = await Tournaments.ScheduleAsync(row.Id, operatorName);
        return result.Errors.Count > 0
            ? ($"{AdminTexts.Tournaments.Invalid} {string.Join(" ", result.Errors)}", Severity.Warning)
            : Report(result.Outcome, AdminTexts.Tournaments.Scheduled, row);
    });

    private Task StartAsync(TournamentRow row) => ConfirmedStepAsync(row, AdminTexts.Tournaments.StartNow, AdminTexts.Tournaments.StartQuestion,
        async operatorName => Report(await Tournaments.StartNowAsync(row.Id, operatorName), AdminTexts.Tournaments.Started, row));

    private Task FinishAsync(TournamentRow row) => ConfirmedStepAsync(row, AdminTexts.Tournaments.FinishNow, AdminTexts.Tournaments.FinishQuestion,
        async operatorName => Report(await Tournaments.FinishNowAsync(row.Id, operatorName), AdminTexts.Tournaments.Finished, row));

    private Task RewardAsync(TournamentRow row) =>
        StepAsync(async operatorName => Report(await Tournaments.IssueRewardsAsync(row.Id, operatorName), AdminTexts.Tournaments.Rewarded, row));

    private Task StandingsAsync(TournamentRow row) => TournamentStandingsDialog.ShowAsync(Dialogs, row.Id, Label(row));

    private static string Label(TournamentRow row) => AdminTexts.Tournaments.Label(row.Title, row.StartsAt, row.Id);

    /// <summary>
    /// A step that changes what players see: the role first (a moderator is refused without a question), then a
    /// German confirmation naming the tournament by title, start time and short id, then the step.
    /// </summary>
    private async Task ConfirmedStepAsync(TournamentRow row, string action, string question, Func<string, Task<(string Text, Severity Severity)>> step)
    {
        if (await AdminAsync(AdminTexts.Tournaments.AdminOnly) is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"{action}: {Label(row)}", question, yesText: action, cancelText: AdminTexts.Tournaments.Cancel);
        if (confirmed == true) await StepAsync(step);
    }

    /// <summary>A lifecycle step under the signed-in admin's name (audited in Core); anyone else gets a message.</summary>
    private async Task StepAsync(Func<string, Task<(string Text, Severity Severity)>> step)
    {
        if (await AdminAsync(AdminTexts.Tournaments.AdminOnly) is not { } operatorName) return;
        await RunAsync(() => step(operatorName));
    }

    private static (string Text, Severity Severity) Report(TransitionOutcome outcome, string done, TournamentRow row) => outcome switch
    {
        TransitionOutcome.Changed => ($"{done} {Label(row)}", Severity.Success),
        TransitionOutcome.NoChange => (AdminTexts.Tournaments.NoChange, Severity.Info),
        TransitionOutcome.NoQuestions => (AdminTexts.Tournaments.NoQuestions, Severity.Error),
        _ => (AdminTexts.Tournaments.NotFound, Severity.Warning),
    };
}
