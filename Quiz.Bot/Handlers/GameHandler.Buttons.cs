using Quiz.Bot.Texts;
using Quiz.Core.Game;

namespace Quiz.Bot.Handlers;

/// <summary>The game area's buttons (<see cref="GameButtons"/>): mode starts, the category choice, answers, the joker, "Weiter".</summary>
public sealed partial class GameHandler
{
    public async Task HandleAsync(ButtonPress press, CancellationToken ct)
    {
        var data = press.Data;
        GameMode? start = (data.Action, data.Args.Count) switch
        {
            (GameButtons.QuickAction, 0) => GameMode.Quick,
            (GameButtons.SurvivalAction, 0) => GameMode.Survival,
            (GameButtons.DailyAction, 0) => GameMode.Daily,
            (GameButtons.DuelAction, 0) => GameMode.Duel,
            (GameButtons.CategoryAction, 1) => GameMode.Category,
            _ => null,
        };
        if (start is { } mode)
        {
            await replies.AnswerCallbackAsync(press.QueryId, null, ct);
            await StartAsync(press.ChatId, press.Player, mode, mode == GameMode.Category ? data.Args[0] : null, ct);
            return;
        }
        switch (data.Action)
        {
            case GameButtons.AnswerAction:
                await AnswerAsync(press.QueryId, press.ChatId, press.Player, data, ct);
                break;
            case GameButtons.JokerAction:
                await UseJokerAsync(press.QueryId, press.ChatId, press.MessageId, press.Player, data, ct);
                break;
            case GameButtons.NextAction:
                await ContinueAsync(press.QueryId, press.ChatId, press.Player, data, ct);
                break;
            case GameButtons.CategoriesAction when data.Args.Count == 0:
                await replies.AnswerCallbackAsync(press.QueryId, null, ct);
                await ShowCategoriesAsync(press.ChatId, ct);
                break;
            default:
                await replies.AnswerCallbackAsync(press.QueryId, De.StaleButton, ct);
                break;
        }
    }

    public async Task ShowCategoriesAsync(long chatId, CancellationToken ct) =>
        await replies.SendAsync(chatId, De.ChooseCategory, GameButtons.CategoryList(await games.PlayableCategoriesAsync(ct)), ct);
}
