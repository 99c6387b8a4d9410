using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Meldungen": open player reports grouped by question, with the two decisions. A decision covers
/// the reports shown here (up to the newest one listed); reports that arrive meanwhile stay open.
/// </summary>
public sealed partial class ReportList
{
    private IReadOnlyList<ReportGroup>? groups;
    private bool loadFailed;
    private bool busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private ReportModeration Moderation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<ReportList> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            groups = await Moderation.OpenAsync();
            loadFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Open reports could not be loaded");
            loadFailed = true;
        }
    }

    private async Task EditAsync(ReportGroup group)
    {
        if (await QuestionEditDialog.ShowAsync(Dialogs, group.QuestionId)) await LoadAsync();
    }

    private async Task DecideAsync(ReportGroup group, ReportDecision decision)
    {
        busy = true;
        try
        {
            var user = (await Authentication).User;
            var result = await Moderation.DecideAsync(group.QuestionId, decision, AdminRoles.DisplayName(user), group.LatestReportId);
            var done = decision == ReportDecision.Uphold ? AdminTexts.Reports.Upheld : AdminTexts.Reports.Dismissed;
            Snackbar.Add(
                result.Decided == 0 ? AdminTexts.Reports.NothingOpen
                : result.Reactivated ? $"{done} ({group.QuestionId}, {result.Decided}). {AdminTexts.Reports.Reactivated}"
                : $"{done} ({group.QuestionId}, {result.Decided}).",
                result.Decided == 0 ? Severity.Info : Severity.Success);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
