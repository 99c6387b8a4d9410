using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// "Serien" on the Turniere page (ADR 0022): every recurring tournament with its rhythm in Berlin time, its next
/// occurrence (planned by the worker, or still to be planned), and create, edit, pause and resume — admins only, the
/// role checked again on each click, every change audited in Core under the operator's name.
/// </summary>
public sealed partial class TournamentSeriesPanel
{
    private IReadOnlyList<SeriesRow>? series;

    [Inject]
    private SeriesAdministration Series { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override Task LoadAsync() => ReadAsync("Tournament series", async () => series = await Series.ListAsync());

    private async Task CreateAsync()
    {
        if (await AdminAsync(AdminTexts.Series.AdminOnly) is not { } operatorName) return;
        if (await TournamentSeriesDialog.ShowAsync(Dialogs, operatorName)) await LoadAsync();
    }

    private async Task EditAsync(SeriesRow row)
    {
        if (await AdminAsync(AdminTexts.Series.AdminOnly) is not { } operatorName) return;
        if (await TournamentSeriesDialog.ShowAsync(Dialogs, operatorName, row)) await LoadAsync();
    }

    private Task PauseAsync(SeriesRow row) => StepAsync(row, AdminTexts.Series.PausedDone, (id, name) => Series.PauseAsync(id, name));

    private Task ResumeAsync(SeriesRow row) => StepAsync(row, AdminTexts.Series.ResumedDone, (id, name) => Series.ResumeAsync(id, name));

    private async Task StepAsync(SeriesRow row, string done, Func<Guid, string, Task<TransitionOutcome>> step)
    {
        if (await AdminAsync(AdminTexts.Series.AdminOnly) is not { } operatorName) return;
        await RunAsync(async () => await step(row.Id, operatorName) switch
        {
            TransitionOutcome.Changed => ($"{done} {row.TitlePattern}", Severity.Success),
            TransitionOutcome.NoChange => (AdminTexts.Series.NoChange, Severity.Info),
            _ => (SeriesRules.NotFound, Severity.Warning),
        });
    }
}
