using Bunit;
using MudBlazor.Services;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Game;
using Quiz.Core.Operations.Dashboard;

namespace Quiz.Admin.Tests;

/// <summary>The Übersicht's charts as rendered from given figures: German labels and numbers, open retention, loading and empty states.</summary>
public sealed class OverviewChartsTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static DashboardFigures Figures(Func<DateOnly, DayFigures>? day = null)
    {
        var days = Enumerable.Range(0, DailyRollup.WindowDays).Select(i => Today.AddDays(i - DailyRollup.WindowDays + 1))
            .Select(d => day?.Invoke(d) ?? new DayFigures(d, 0, 0, null, 0, 0, 0, 0, 0, 0, true)).ToList();
        var games = Enum.GetValues<GameMode>().ToDictionary(m => m, m => days.Select(d => m == GameMode.Quick && d.Day == Today ? 1234 : 0).ToArray());
        return new DashboardFigures(days, games, new DateTimeOffset(2026, 3, 20, 11, 5, 0, TimeSpan.Zero));
    }

    private static BunitContext NewContext(string role = AdminRoles.Admin)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Anna Admin");
        auth.SetRoles(role);
        return ctx;
    }

    private static string Cell(IRenderedComponent<OverviewCharts> cut, string chart, string day, string series) =>
        cut.Find($"[data-diagramm='{chart}'] tr[data-tag='{day}'] td[data-reihe='{series}']").TextContent.Trim();

    [Fact]
    public async Task Every_chart_is_drawn_with_German_titles_and_its_values_in_German_format()
    {
        await using var ctx = NewContext();
        var figures = Figures(d => d == new DateOnly(2026, 3, 10)
            ? new DayFigures(d, 2500, 40, 10, 12345, 9876, 15000, 500, 7, 321, true)
            : new DayFigures(d, 1, 1, d < new DateOnly(2026, 3, 13) ? 0 : null, 3, 1, 0, 0, 7, 0, true));

        var cut = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, figures));

        Assert.Equal(["spieler", "bindung", "spiele", "antworten", "trefferquote", "umsatz", "premium", "turniere"],
            cut.FindAll("[data-diagramm]").Select(e => e.GetAttribute("data-diagramm")));
        Assert.Equal(8, cut.FindAll(".diagramm-zeichnung").Count);
        Assert.Contains("Stand 20.03.2026 12:05", cut.Find(".diagramme-stand").TextContent);
        Assert.Equal(("2.500", "40"), (Cell(cut, "spieler", "10.03.", "Aktive Spieler"), Cell(cut, "spieler", "10.03.", "Neue Spieler")));
        Assert.Equal("25,0 %", Cell(cut, "bindung", "10.03.", "Wiedergekommen"));
        Assert.Equal("offen", Cell(cut, "bindung", "13.03.", "Wiedergekommen"));
        Assert.Equal("1.234", Cell(cut, "spiele", "20.03.", "Schnelles Spiel"));
        Assert.Equal("12.345", Cell(cut, "antworten", "10.03.", "Antworten"));
        Assert.Equal("80,0 %", Cell(cut, "trefferquote", "10.03.", "Richtig (%)"));
        Assert.Equal(("15.000", "500", "14.500"), (Cell(cut, "umsatz", "10.03.", "Brutto"), Cell(cut, "umsatz", "10.03.", "Erstattet"), Cell(cut, "umsatz", "10.03.", "Netto")));
        Assert.Equal("7", Cell(cut, "premium", "20.03.", "Premium-Abos"));
        Assert.Equal("321", Cell(cut, "turniere", "10.03.", "Anmeldungen"));
        Assert.Equal(AdminTexts.Charts.Revenue, cut.Find("[data-diagramm='umsatz'] .diagramm-titel").TextContent.Trim());
    }

    [Fact]
    public async Task A_moderator_sees_the_games_charts_but_not_the_money()
    {
        await using var ctx = NewContext(AdminRoles.Moderator);

        var cut = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, Figures()));

        Assert.Equal(["spieler", "bindung", "spiele", "antworten", "trefferquote", "turniere"],
            cut.FindAll("[data-diagramm]").Select(e => e.GetAttribute("data-diagramm")));
    }

    [Fact]
    public async Task A_chart_of_nothing_but_zeros_says_so_instead_of_drawing()
    {
        await using var ctx = NewContext();

        var cut = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, Figures()));

        Assert.Equal(AdminTexts.Charts.NoData, cut.Find("[data-diagramm='umsatz'] .diagramm-leer").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-diagramm='umsatz'] .diagramm-zeichnung"));
        Assert.NotEmpty(cut.FindAll("[data-diagramm='spiele'] .diagramm-zeichnung"));
    }

    [Fact]
    public async Task Loading_nothing_computed_yet_and_a_failed_read_each_say_so_in_German()
    {
        await using var ctx = NewContext();

        var loading = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, null));
        var empty = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, new DashboardFigures([], new Dictionary<GameMode, int[]>(), null)));
        var failed = ctx.Render<OverviewCharts>(p => p.Add(c => c.Figures, null).Add(c => c.Failed, true));

        Assert.Equal(AdminTexts.Charts.Loading, loading.Find(".diagramme-laden").TextContent.Trim());
        Assert.Equal(AdminTexts.Charts.Empty, empty.Find(".diagramme-leer").TextContent.Trim());
        Assert.Equal(AdminTexts.Charts.LoadFailed, failed.Find(".diagramme-fehler").TextContent.Trim());
        Assert.Empty(loading.FindAll("[data-diagramm]"));
    }
}
