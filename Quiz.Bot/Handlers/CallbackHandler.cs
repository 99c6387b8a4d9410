using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Button presses. Every press is answered; data that does not parse or names nothing we know
/// gets the short "no longer valid" notice and changes nothing.
/// </summary>
public sealed class CallbackHandler(
    PlayerDirectory players, BotReplies replies, GameHandler games, ReportHandler reports, MenuHandler menus, ShopHandler shop,
    SupportHandler support, SubscriptionHandler subscriptions, TournamentHandler tournaments)
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken ct)
    {
        if (!CallbackData.TryParse(query.Data, out var data) || query.Message is null)
        {
            await replies.AnswerCallbackAsync(query.Id, De.StaleButton, ct);
            return;
        }
        var player = await players.TouchAsync(Identity.Of(query.From), ct);
        var chatId = query.Message.Chat.Id;
        if (player.IsBanned)
        {
            await replies.AnswerCallbackAsync(query.Id, De.Banned, ct);
            return;
        }

        switch (data.Area)
        {
            case GameButtons.Area:
                await HandleGameAsync(query, data, chatId, player, ct);
                break;
            case ShopHandler.Area:
                await shop.BuyAsync(query.Id, chatId, player, data, ct);
                break;
            case SupportHandler.Area:
                await support.HandleButtonAsync(query.Id, chatId, player, data, ct);
                break;
            case SubscriptionHandler.Area:
                await subscriptions.HandleAsync(query.Id, chatId, player, data, ct);
                break;
            case TournamentButtons.Area:
                await tournaments.HandleAsync(query.Id, chatId, player, data, ct);
                break;
            case GameButtons.ReportArea:
                await reports.HandleAsync(query.Id, chatId, player, data, ct);
                break;
            default:
                await menus.HandleAsync(query.Id, chatId, player, data, ct);
                break;
        }
    }

    private async Task HandleGameAsync(CallbackQuery query, CallbackData data, long chatId, PlayerSnapshot player, CancellationToken ct)
    {
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
            await replies.AnswerCallbackAsync(query.Id, null, ct);
            await games.StartAsync(chatId, player, mode, mode == GameMode.Category ? data.Args[0] : null, ct);
            return;
        }
        switch (data.Action)
        {
            case GameButtons.AnswerAction:
                await games.AnswerAsync(query.Id, chatId, query.Message!.Id, player, data, ct);
                break;
            case GameButtons.JokerAction:
                await games.UseJokerAsync(query.Id, chatId, query.Message!.Id, player, data, ct);
                break;
            case GameButtons.NextAction:
                await games.ContinueAsync(query.Id, chatId, player, data, ct);
                break;
            case GameButtons.CategoriesAction when data.Args.Count == 0:
                await replies.AnswerCallbackAsync(query.Id, null, ct);
                await menus.ShowCategoriesAsync(chatId, ct);
                break;
            default:
                await replies.AnswerCallbackAsync(query.Id, De.StaleButton, ct);
                break;
        }
    }
}
