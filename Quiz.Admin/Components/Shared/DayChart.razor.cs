using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Components.Shared;

/// <summary>One named line (or bar) of a <see cref="DayChart"/>: a value per day, null where there is none (e.g. a retention still open).</summary>
public sealed record DaySeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A chart of the last days with its German title and hint, and the same values as a table behind "Werte als Tabelle"
/// (for screen readers and for reading an exact number); a chart with nothing but zeros says so instead of drawing.
/// </summary>
public sealed partial class DayChart
{
    private List<ChartSeries<double>> series = [];
    private MudBlazor.Charts.IChartOptions options = new LineChartOptions();

    [Parameter, EditorRequired]
    public string Key { get; set; } = "";

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter, EditorRequired]
    public string Hint { get; set; } = "";

    [Parameter]
    public ChartType Type { get; set; } = ChartType.Line;

    [Parameter, EditorRequired]
    public string[] Labels { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<DaySeries> Series { get; set; } = [];

    /// <summary>Values are percentages (one decimal and "%"), not counts.</summary>
    [Parameter]
    public bool Percent { get; set; }

    private bool Empty => Series.All(s => s.Values.All(v => v is null or 0));

    private string Show(double? value) => value switch
    {
        null => AdminTexts.Charts.Open,
        { } v when Percent => $"{v.ToString("N1", AdminFormat.German)} %",
        { } v => v.ToString("N0", AdminFormat.German),
    };

    protected override void OnParametersSet()
    {
        series = [.. Series.Select(s => new ChartSeries<double> { Name = s.Name, Data = new ChartData<double>(s.Values) })];
        Func<double, string> axis = v => Percent ? $"{v.ToString("N0", AdminFormat.German)} %" : v.ToString("N0", AdminFormat.German);
        options = Type switch
        {
            ChartType.Bar => new BarChartOptions { ShowLegend = Series.Count > 1, XAxisLabelRotation = 45, YAxisToStringFunc = axis },
            ChartType.StackedBar => new StackedBarChartOptions { ShowLegend = true, XAxisLabelRotation = 45, YAxisToStringFunc = axis },
            _ => new LineChartOptions { ShowLegend = Series.Count > 1, XAxisLabelRotation = 45, YAxisToStringFunc = axis, ShowDataMarkers = true },
        };
    }
}
