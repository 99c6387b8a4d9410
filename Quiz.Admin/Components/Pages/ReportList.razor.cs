using Microsoft.AspNetCore.Components;
using MudBlazor;
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

    [Inject]
    private ReportModeration Moderation { get; set; } = default!;

    protected override Task LoadAsync() => ReadAsync("Open reports", async () => groups = await Moderation.OpenAsync());

    private async Task EditAsync(ReportGroup group)
    {
        if (await QuestionEditDialog.ShowAsync(Dialogs, group.QuestionId)) await LoadAsync();
    }

    private Task DecideAsync(ReportGroup group, ReportDecision decision) => RunAsync(async () =>
    {
        var result = await Moderation.DecideAsync(group.QuestionId, decision, await OperatorAsync(), group.LatestReportId);
        var done = decision == ReportDecision.Uphold ? AdminTexts.Reports.Upheld : AdminTexts.Reports.Dismissed;
        return (
            result.Decided == 0 ? AdminTexts.Reports.NothingOpen
            : result.Reactivated ? $"{done} ({group.QuestionId}, {result.Decided}). {AdminTexts.Reports.Reactivated}"
            : $"{done} ({group.QuestionId}, {result.Decided}).",
            result.Decided == 0 ? Severity.Info : Severity.Success);
    });
}
