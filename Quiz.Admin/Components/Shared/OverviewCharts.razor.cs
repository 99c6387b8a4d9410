using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Dashboard;
using T = Quiz.Admin.Texts.AdminTexts.Charts;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// The Übersicht's charts over the last 30 Berlin days, from the worker's daily rows (<see cref="DashboardReader"/>):
/// players (active, new, 7-day retention), games per mode, answers and accuracy, Stars (gross, refunded, net),
/// Premium subscriptions (both for admins only) and tournament entries. Loading, failure and "nothing computed yet" each say so in German.
/// </summary>
public sealed partial class OverviewCharts
{
    private string[] labels = [];

    /// <summary>Null while loading (or when the first read failed).</summary>
    [Parameter]
    public DashboardFigures? Figures { get; set; }

    [Parameter]
    public bool Failed { get; set; }

    /// <param name="Roles">Money (Stars, Premium) is the admin's; a moderator sees the game's charts.</param>
    private sealed record Chart(string Key, string Title, string Hint, ChartType Type, IReadOnlyList<DaySeries> Series, bool Percent = false, string Roles = AdminRoles.Both);

    protected override void OnParametersSet() =>
        labels = Figures is null ? [] : [.. Figures.Days.Select(d => d.Day.ToString("dd.MM.", AdminFormat.German))];

    private static IEnumerable<Chart> Charts(DashboardFigures f)
    {
        DaySeries Line(string name, Func<DayFigures, double?> value) => new(name, [.. f.Days.Select(value)]);
        yield return new("spieler", T.Players, T.PlayersHint, ChartType.Line,
            [Line(T.ActivePlayers, d => d.ActivePlayers), Line(T.NewPlayers, d => d.NewPlayers)]);
        yield return new("bindung", T.Retention, T.RetentionHint, ChartType.Bar, [Line(T.Retained, d => d.Retention)], Percent: true);
        yield return new("spiele", T.Games, T.GamesHint, ChartType.StackedBar,
            [.. f.GamesByMode.Select(m => new DaySeries(AdminTexts.Players.Describe(m.Key), [.. m.Value.Select(v => (double?)v)]))]);
        yield return new("antworten", T.Answers, T.AnswersHint, ChartType.Bar, [Line(T.AnswersSeries, d => d.Answers)]);
        yield return new("trefferquote", T.Accuracy, T.AccuracyHint, ChartType.Line, [Line(T.AccuracySeries, d => d.Accuracy)], Percent: true);
        yield return new("umsatz", T.Revenue, T.RevenueHint, ChartType.Line,
            [Line(T.Gross, d => d.StarsGross), Line(T.Refunded, d => d.StarsRefunded), Line(T.Net, d => d.StarsNet)], Roles: AdminRoles.Admin);
        yield return new("premium", T.Premium, T.PremiumHint, ChartType.Line, [Line(T.PremiumSeries, d => d.PremiumActive)], Roles: AdminRoles.Admin);
        yield return new("turniere", T.Entrants, T.EntrantsHint, ChartType.Bar, [Line(T.EntrantsSeries, d => d.TournamentEntrants)]);
    }
}
