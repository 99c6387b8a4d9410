using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>The main menu's information pages and the category choice.</summary>
public sealed class MenuHandler(BotReplies replies, GameService games, ProfileHandler profiles, ShopHandler shop)
{
    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        if (await ShowStatsAsync(callbackQueryId, chatId, player, data, ct)) return;
        (string Text, IReadOnlyList<IReadOnlyList<Core.Messaging.MessageButton>> Buttons)? reply = (data.Area, data.Action, data.Args.Count) switch
        {
            ("menu", Menus.Main, 0) => (De.Welcome(player.FirstName), Menus.MainMenu()),
            ("menu", Menus.Help, 0) => (De.Help, Menus.BackToMenu()),
            ("menu", Menus.Privacy, 0) => (De.Privacy, Menus.BackToMenu()),
            _ => null,
        };
        if (reply is null)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
            return;
        }
        await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
        await replies.SendAsync(chatId, reply.Value.Text, reply.Value.Buttons, ct);
    }

    /// <summary>Profil and Bestenliste from the menu, and the board switch buttons (<c>board:today|week|survival</c>).</summary>
    private async Task<bool> ShowStatsAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        switch (data.Area, data.Action, data.Args.Count)
        {
            case ("menu", Menus.Profile, 0):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await profiles.ShowProfileAsync(chatId, player, ct);
                return true;
            case ("menu", Menus.Shop, 0):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await shop.ShowAsync(chatId, ct);
                return true;
            case ("menu", Menus.Boards, 0):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await profiles.ShowLeaderboardAsync(chatId, player, null, ct);
                return true;
            case (BoardButtons.Area, _, 0) when BoardButtons.TryParse(data.Action, out _):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await profiles.ShowLeaderboardAsync(chatId, player, data.Action, ct);
                return true;
            default:
                return false;
        }
    }

    public async Task ShowCategoriesAsync(long chatId, CancellationToken ct) =>
        await replies.SendAsync(chatId, De.ChooseCategory, GameButtons.CategoryList(await games.PlayableCategoriesAsync(ct)), ct);
}
