using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Pages;

/// <summary>"Fragen": the question bank with its answer statistics, filtered, ordered and paged on the server, with edit and status buttons.</summary>
public sealed partial class QuestionList
{
    private MudTable<QuestionRow>? table;
    private IReadOnlyList<CategoryChoice> categories = [];
    private string search = "";
    private string categoryId = "";
    private short difficulty;
    private string status = "";
    private bool onlyReported;
    private QuestionOrder order;
    private (string? Label, SortDirection Direction) headerSort;

    [Inject]
    private QuestionCatalog Catalog { get; set; } = default!;

    /// <summary>The table loads its own page (<see cref="ServerDataAsync"/>) once it is rendered.</summary>
    protected override Task OnInitializedAsync() => TryReadAsync("Categories", async () => categories = await Catalog.CategoriesAsync());

    protected override Task LoadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<TableData<QuestionRow>> ServerDataAsync(TableState state, CancellationToken ct)
    {
        // A click on a column header takes over from the quick order.
        if ((state.SortLabel, state.SortDirection) != headerSort)
        {
            headerSort = (state.SortLabel, state.SortDirection);
            order = QuestionOrder.Table;
        }
        var (sort, descending) = order.Sort()
            ?? (Enum.TryParse<QuestionSort>(state.SortLabel, out var label) ? label : QuestionSort.Id, state.SortDirection == SortDirection.Descending);
        var filter = new QuestionFilter(
            Search: search,
            CategoryId: categoryId.Length > 0 ? categoryId : null,
            Difficulty: difficulty > 0 ? difficulty : null,
            Status: Enum.TryParse<QuestionStatus>(status, out var s) ? s : null,
            OnlyWithOpenReports: onlyReported,
            Page: state.Page,
            PageSize: state.PageSize,
            Sort: sort,
            Descending: descending);
        var data = new TableData<QuestionRow> { Items = [], TotalItems = 0 };
        await ReadAsync("Questions", async () =>
        {
            var page = await Catalog.SearchAsync(filter, ct);
            data = new TableData<QuestionRow> { Items = page.Items, TotalItems = page.Total };
        });
        return data;
    }

    private Task SearchChanged(string? value) => Reload(() => search = value ?? "");

    private Task CategoryChanged(string? value) => Reload(() => categoryId = value ?? "");

    private Task DifficultyChanged(short value) => Reload(() => difficulty = value);

    private Task StatusChanged(string? value) => Reload(() => status = value ?? "");

    private Task OnlyReportedChanged(bool value) => Reload(() => onlyReported = value);

    private Task OrderChanged(QuestionOrder value) => Reload(() => order = value);

    private Task Reload(Action change)
    {
        change();
        return LoadAsync();
    }

    private async Task EditAsync(string id)
    {
        if (await QuestionEditDialog.ShowAsync(Dialogs, id)) await LoadAsync();
    }

    private async Task RetireAsync(string id)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            AdminTexts.Questions.RetireTitle, $"{id}: {AdminTexts.Questions.RetireQuestion}",
            yesText: AdminTexts.Questions.Retire, cancelText: AdminTexts.Questions.Cancel);
        if (confirmed == true) await ChangeAsync(id, StatusChange.Retire);
    }

    private Task ChangeAsync(string id, StatusChange change) => RunAsync(async () =>
        await Catalog.ChangeStatusAsync(id, change) switch
        {
            StatusChangeOutcome.Changed => ($"{AdminTexts.Questions.StatusChanged} {id} → {Label(change)}", Severity.Success),
            StatusChangeOutcome.NotAllowed => (AdminTexts.Questions.StatusNotAllowed, Severity.Warning),
            _ => (AdminTexts.Questions.NotFound, Severity.Error),
        });

    private static string Label(StatusChange change) => change switch
    {
        StatusChange.Suspend => AdminTexts.Questions.Describe(QuestionStatus.Suspended),
        StatusChange.Retire => AdminTexts.Questions.Describe(QuestionStatus.Retired),
        _ => AdminTexts.Questions.Describe(QuestionStatus.Active),
    };
}
