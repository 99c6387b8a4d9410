using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Pages;

/// <summary>"Fragen": the question bank, filtered and paged on the server, with edit and status buttons.</summary>
public sealed partial class QuestionList
{
    private MudTable<QuestionRow>? table;
    private IReadOnlyList<CategoryChoice> categories = [];
    private string search = "";
    private string categoryId = "";
    private short difficulty;
    private string status = "";
    private bool onlyReported;
    private bool loadFailed;

    [Inject]
    private QuestionCatalog Catalog { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<QuestionList> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            categories = await Catalog.CategoriesAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Categories could not be loaded");
            loadFailed = true;
        }
    }

    private async Task<TableData<QuestionRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var filter = new QuestionFilter(
            Search: search,
            CategoryId: categoryId.Length > 0 ? categoryId : null,
            Difficulty: difficulty > 0 ? difficulty : null,
            Status: Enum.TryParse<QuestionStatus>(status, out var s) ? s : null,
            OnlyWithOpenReports: onlyReported,
            Page: state.Page,
            PageSize: state.PageSize,
            Sort: Enum.TryParse<QuestionSort>(state.SortLabel, out var sort) ? sort : QuestionSort.Id,
            Descending: state.SortDirection == SortDirection.Descending);
        try
        {
            var page = await Catalog.SearchAsync(filter, ct);
            loadFailed = false;
            return new TableData<QuestionRow> { Items = page.Items, TotalItems = page.Total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Questions could not be loaded");
            loadFailed = true;
            return new TableData<QuestionRow> { Items = [], TotalItems = 0 };
        }
    }

    private Task SearchChanged(string? value) => Reload(() => search = value ?? "");

    private Task CategoryChanged(string? value) => Reload(() => categoryId = value ?? "");

    private Task DifficultyChanged(short value) => Reload(() => difficulty = value);

    private Task StatusChanged(string? value) => Reload(() => status = value ?? "");

    private Task OnlyReportedChanged(bool value) => Reload(() => onlyReported = value);

    private Task Reload(Action change)
    {
        change();
        return table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private async Task EditAsync(string id)
    {
        if (await QuestionEditDialog.ShowAsync(Dialogs, id)) await Reload(() => { });
    }

    private async Task RetireAsync(string id)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            AdminTexts.Questions.RetireTitle, $"{id}: {AdminTexts.Questions.RetireQuestion}",
            yesText: AdminTexts.Questions.Retire, cancelText: AdminTexts.Questions.Cancel);
        if (confirmed == true) await ChangeAsync(id, StatusChange.Retire);
    }

    private async Task ChangeAsync(string id, StatusChange change)
    {
        var outcome = await Catalog.ChangeStatusAsync(id, change);
        var (text, severity) = outcome switch
        {
            StatusChangeOutcome.Changed => ($"{AdminTexts.Questions.StatusChanged} {id} → {Label(change)}", Severity.Success),
            StatusChangeOutcome.NotAllowed => (AdminTexts.Questions.StatusNotAllowed, Severity.Warning),
            _ => (AdminTexts.Questions.NotFound, Severity.Error),
        };
        Snackbar.Add(text, severity);
        await Reload(() => { });
    }

    private static string Label(StatusChange change) => change switch
    {
        StatusChange.Suspend => AdminTexts.Questions.Describe(QuestionStatus.Suspended),
        StatusChange.Retire => AdminTexts.Questions.Describe(QuestionStatus.Retired),
        _ => AdminTexts.Questions.Describe(QuestionStatus.Active),
    };
}
