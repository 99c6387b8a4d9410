using Microsoft.AspNetCore.Components;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Spieler": the player search (Telegram id, player number, name or username); each row opens the player page.
/// Both roles may use it (moderators review players and flags).
/// </summary>
public sealed partial class PlayerList
{
    private const int PageSize = 25;
    private PlayerSearchResult? result;
    private string search = "";
    private int page;
    private bool loaded;
    private string? appliedQuery;

    /// <summary><c>/spieler?suche=…</c> fills the search (links from other pages).</summary>
    [SupplyParameterFromQuery(Name = "suche")]
    public string? Query { get; set; }

    [Inject]
    private PlayerReview Players { get; set; } = default!;

    private bool HasNext => result is not null && (page + 1) * PageSize < result.Total;

    /// <summary>Loads in <see cref="OnParametersSetAsync"/>, where the search from the address arrives.</summary>
    protected override Task OnInitializedAsync() => Task.CompletedTask;

    protected override async Task OnParametersSetAsync()
    {
        if (loaded && Query == appliedQuery) return;
        loaded = true;
        appliedQuery = Query;
        if (Query is not null) search = Query;
        page = 0;
        await LoadAsync();
    }

    private async Task SearchChanged(string? value)
    {
        search = value ?? "";
        page = 0;
        await LoadAsync();
    }

    private async Task PageAsync(int step)
    {
        page = Math.Max(0, page + step);
        await LoadAsync();
    }

    protected override Task LoadAsync() =>
        ReadAsync("Players", async () => result = await Players.SearchAsync(new PlayerFilter(search, page, PageSize)));
}
