using Microsoft.AspNetCore.Components;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Support": the players' /paysupport cases with their purchases next to them. An admin closes a
/// case, with an optional reply that the bot sends to the player; payments are no moderator's work
/// (PRODUCT.md), so the role is checked again on the click, not only by the page's policy.
/// </summary>
public sealed partial class SupportPage
{
    private const int PageSize = 50;
    private const int ShortText = 120;
    private readonly HashSet<Guid> expanded = [];
    private SupportCasePage? result;
    private string search = "";
    private SupportCaseView view = SupportCaseView.Open;
    private int openCount;

    [Inject]
    private SupportCaseAdministration Cases { get; set; } = default!;

    private static string Shorten(string text) => text.Length <= ShortText ? text : string.Concat(text.AsSpan(0, ShortText), " …");

    private async Task SearchChanged(string? value)
    {
        search = value ?? "";
        await LoadAsync();
    }

    private async Task ViewChanged(SupportCaseView value)
    {
        view = value;
        await LoadAsync();
    }

    private void Toggle(Guid caseId)
    {
        if (!expanded.Remove(caseId)) expanded.Add(caseId);
    }

    protected override Task LoadAsync() => ReadAsync("Support cases", async () =>
    {
        result = await Cases.SearchAsync(new SupportCaseFilter(search, view, PageSize: PageSize));
        openCount = await Cases.CountOpenAsync();
    });

    private async Task CloseAsync(SupportCaseRow row)
    {
        if (await AdminAsync(AdminTexts.Support.AdminOnly) is not { } closedBy) return;
        await SupportCloseDialog.ShowAsync(Dialogs, row, closedBy);
        await LoadAsync();
    }
}
