using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>The main menu's information pages and the category choice.</summary>
public sealed class MenuHandler(BotReplies replies, GameService games)
{
    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
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

    public async Task ShowCategoriesAsync(long chatId, CancellationToken ct) =>
        await replies.SendAsync(chatId, De.ChooseCategory, GameButtons.CategoryList(await games.PlayableCategoriesAsync(ct)), ct);
}
