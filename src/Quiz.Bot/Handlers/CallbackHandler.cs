using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Players;
using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Button presses. Every press is answered; data that does not parse or names nothing we know
/// gets the short "no longer valid" notice and changes nothing.
/// </summary>
public sealed class CallbackHandler(PlayerDirectory players, BotReplies replies, GameHandler games)
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

        if (data.Area == GameButtons.Area)
        {
            await HandleGameAsync(query, data, chatId, player, ct);
            return;
        }

        (string Text, IReadOnlyList<IReadOnlyList<Core.Messaging.MessageButton>> Buttons)? reply = (data.Area, data.Action) switch
        {
            ("menu", Menus.Main) => (De.Welcome(player.FirstName), Menus.MainMenu()),
            ("menu", Menus.Help) => (De.Help, Menus.BackToMenu()),
            ("menu", Menus.Privacy) => (De.Privacy, Menus.BackToMenu()),
            _ => null,
        };
        if (reply is null)
        {
            await replies.AnswerCallbackAsync(query.Id, De.StaleButton, ct);
            return;
        }
        await replies.AnswerCallbackAsync(query.Id, null, ct);
        await replies.SendAsync(chatId, reply.Value.Text, reply.Value.Buttons, ct);
    }

    private async Task HandleGameAsync(CallbackQuery query, CallbackData data, long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        switch (data.Action)
        {
            case GameButtons.QuickAction when data.Args.Count == 0:
                await replies.AnswerCallbackAsync(query.Id, null, ct);
                await games.StartAsync(chatId, player, ct);
                break;
            case GameButtons.AnswerAction:
                await games.AnswerAsync(query.Id, chatId, query.Message!.Id, player, data, ct);
                break;
            default:
                await replies.AnswerCallbackAsync(query.Id, De.StaleButton, ct);
                break;
        }
    }
}
