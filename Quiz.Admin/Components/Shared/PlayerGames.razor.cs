using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>The player's recent games, each answer's time as a chip: red when faster than the question can be read.</summary>
public sealed partial class PlayerGames
{
    [Parameter, EditorRequired]
    public IReadOnlyList<RecentGame> Games { get; set; } = [];

    private static Color ColorOf(AnswerTiming answer) =>
        answer.TooFast ? Color.Error : answer.TimedOut ? Color.Default : answer.IsCorrect ? Color.Success : Color.Warning;

    private static string TitleOf(AnswerTiming answer) =>
        $"{answer.Ordinal + 1}: {(answer.TimedOut ? AdminTexts.Players.TimedOut : AdminFormat.Seconds(answer.AnswerMs))}, "
        + $"{AdminTexts.Players.ReadingTime} {AdminFormat.Seconds(answer.ReadingMs)}{(answer.TooFast ? " – " + AdminTexts.Players.TooFast : "")}";
}
