using Microsoft.AspNetCore.Components;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>A player's totals: games, answers, accuracy, points and the mean answer time.</summary>
public sealed partial class PlayerStatsTiles
{
    [Parameter, EditorRequired]
    public PlayerStats Stats { get; set; } = default!;

    private IEnumerable<(string Key, string Label, string Value)> Tiles =>
    [
        ("spiele", AdminTexts.Players.Games, AdminFormat.Number(Stats.Games)),
        ("beendet", AdminTexts.Players.FinishedGames, AdminFormat.Number(Stats.FinishedGames)),
        ("antworten", AdminTexts.Players.Answers, AdminFormat.Number(Stats.Answers)),
        ("trefferquote", AdminTexts.Players.Accuracy, Stats.Accuracy is { } a ? AdminTexts.Players.Percent(a) : "–"),
        ("punkte", AdminTexts.Players.Points, Stats.Points.ToString("N0", AdminFormat.German)),
        ("antwortzeit", AdminTexts.Players.AverageAnswer, Stats.AverageAnswerMs is { } ms ? AdminFormat.Seconds(ms) : "–"),
    ];
}
