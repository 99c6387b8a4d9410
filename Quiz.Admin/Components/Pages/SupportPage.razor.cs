using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Shared;
using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Support": the players' /paysupport cases with their purchases next to them. Both roles may
/// close a case, with an optional reply that the bot sends to the player.
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
    private bool loadFailed;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private SupportCaseAdministration Cases { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILogger<SupportPage> Logger { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

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

    private async Task LoadAsync()
    {
        try
        {
            result = await Cases.SearchAsync(new SupportCaseFilter(search, view, PageSize: PageSize));
            openCount = await Cases.CountOpenAsync();
            loadFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Support cases could not be loaded");
            loadFailed = true;
        }
    }

    private async Task CloseAsync(SupportCaseRow row)
    {
        var closedBy = AdminRoles.DisplayName((await Authentication).User);
        await SupportCloseDialog.ShowAsync(Dialogs, row, closedBy);
        await LoadAsync();
    }
}
