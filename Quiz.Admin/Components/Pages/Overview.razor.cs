using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Core.Operations;
using Quiz.Core.Operations.Dashboard;
using OverviewNumbers = Quiz.Core.Operations.Overview;

namespace Quiz.Admin.Components.Pages;

public sealed partial class Overview : IAsyncDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource stopping = new();
    private PeriodicTimer? timer;
    private Task? refreshing;
    private OverviewNumbers? overview;
    private DashboardFigures? figures;
    private bool chartsFailed;

    [Inject]
    private OverviewStatistics Statistics { get; set; } = default!;

    [Inject]
    private DashboardReader Dashboard { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <param name="Roles">Who sees the tile: a moderator is shown no tile leading to a page they may not open.</param>
    private sealed record Tile(string Key, string Label, string Icon, string Value, string? Href = null, string? LinkText = null, string Roles = AdminRoles.Both);

    private IEnumerable<Tile> Tiles =>
    [
        new("spieler", AdminTexts.Overview.Players, Icons.Material.Filled.People, Show(overview?.Players)),
        new("spiele-heute", AdminTexts.Overview.GamesToday, Icons.Material.Filled.SportsEsports, Show(overview?.GamesToday)),
        new("antworten-heute", AdminTexts.Overview.AnswersToday, Icons.Material.Filled.QuestionAnswer, Show(overview?.AnswersToday)),
        new("laufende-spiele", AdminTexts.Overview.ActiveGames, Icons.Material.Filled.PlayCircle, Show(overview?.ActiveGames)),
        new("markiert", AdminTexts.Overview.OpenFlags, Icons.Material.Filled.Report, Show(overview?.OpenFlags), "/markiert", AdminTexts.Overview.ShowFlags),
        new("meldungen", AdminTexts.Overview.OpenReports, Icons.Material.Filled.Flag, Show(overview?.OpenReports), "/meldungen", AdminTexts.Overview.ShowReports),
        new("support", AdminTexts.Overview.OpenSupportCases, Icons.Material.Filled.SupportAgent, Show(overview?.OpenSupportCases), "/support", AdminTexts.Overview.ShowSupport, AdminRoles.Admin),
    ];

    private static string Show(int? value) => value is { } v ? AdminFormat.Number(v) : "–";

    protected override void OnAfterRender(bool firstRender)
    {
        // Not during prerendering (no OnAfterRender there), so a prerendered copy never leaves a timer behind.
        if (firstRender)
        {
            timer = new PeriodicTimer(RefreshInterval, Time);
            refreshing = RefreshAsync(timer);
        }
    }

    private async Task RefreshAsync(PeriodicTimer ticks)
    {
        try
        {
            while (await ticks.WaitForNextTickAsync(stopping.Token))
            {
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>A failure keeps the last numbers and charts on screen; the next tick tries again.</summary>
    protected override async Task LoadAsync()
    {
        // Charts first: the numbers' read decides the page's warning (a success clears it), the charts have their own.
        chartsFailed = !await TryReadAsync("Overview charts", async () => figures = await Dashboard.ReadAsync(stopping.Token));
        await ReadAsync("Overview numbers", async () => overview = await Statistics.GetAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        timer?.Dispose();
        if (refreshing is not null)
        {
            await refreshing;
        }
        stopping.Dispose();
    }
}
