using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Features;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>The main menu (<c>menu:*</c>) and the leaderboard switch (<c>board:*</c>).</summary>
public sealed class MenuHandler(BotReplies replies, ProfileHandler profiles, ShopHandler shop, FeatureSnapshot features) : ICallbackArea
{
    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => HandleAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        if (await ShowStatsAsync(callbackQueryId, chatId, player, data, ct)) return;
        (string Text, IReadOnlyList<IReadOnlyList<Core.Messaging.MessageButton>> Buttons)? reply = (data.Area, data.Action, data.Args.Count) switch
        {
            (Menus.Area, Menus.Main, 0) => (De.Welcome(player.FirstName), Menus.MainMenu(features.Current)),
            (Menus.Area, Menus.Help, 0) => (De.HelpFor(features.Current), Menus.BackToMenu()),
            (Menus.Area, Menus.Privacy, 0) => (De.Privacy, Menus.BackToMenu()),
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
            case (Menus.Area, Menus.Profile, 0):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await profiles.ShowProfileAsync(chatId, player, ct);
                return true;
            case (Menus.Area, Menus.Shop, 0):
                await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
                await shop.ShowAsync(chatId, ct);
                return true;
            case (Menus.Area, Menus.Boards, 0):
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
}
