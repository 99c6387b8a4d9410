using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Every answer of the recent games in order (oldest left) in seconds, against the time the question takes to read:
/// a human's points scatter above the reading line, a script's sit flat below it.
/// </summary>
public sealed partial class AnswerTimeChart
{
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];
    private readonly LineChartOptions options = new() { ShowDataMarkers = true, ShowLegend = true };

    [Parameter, EditorRequired]
    public IReadOnlyList<RecentGame> Games { get; set; } = [];

    /// <summary>The answers as plotted: oldest game first, by question; timeouts left out (there was no answer).</summary>
    public static IReadOnlyList<AnswerTiming> Plotted(IReadOnlyList<RecentGame> games) =>
        [.. games.OrderBy(g => g.StartedAt).SelectMany(g => g.Answers.OrderBy(a => a.Ordinal)).Where(a => !a.TimedOut)];

    protected override void OnParametersSet()
    {
        var answers = Plotted(Games);
        labels = [.. answers.Select((_, i) => (i + 1).ToString(AdminFormat.German))];
        series =
        [
            new() { Name = AdminTexts.Players.AnswerTime, Data = new ChartData<double>([.. answers.Select(a => a.AnswerMs / 1000.0)]) },
            new() { Name = AdminTexts.Players.ReadingTime, Data = new ChartData<double>([.. answers.Select(a => a.ReadingMs / 1000.0)]) },
        ];
    }
}
