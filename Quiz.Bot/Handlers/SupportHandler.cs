using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy.Support;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>
/// <c>/paysupport [text]</c>: with a text the case opens at once; without one the bot asks for
/// the description, and the player's next plain message becomes the case (<c>support:cancel</c> drops it).
/// </summary>
public sealed class SupportHandler(SupportDesk desk, BotReplies replies) : ICallbackArea
{
    public const string Area = "support";
    public const string Command = "paysupport";
    public const string CancelAction = "cancel";

    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => HandleButtonAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task OpenAsync(long chatId, PlayerSnapshot player, string? text, CancellationToken ct)
    {
        var result = await desk.OpenAsync(player.Id, text, ct);
        if (result.Outcome == SupportOutcome.AwaitingText)
        {
            await replies.SendAsync(chatId, De.SupportPrompt, [[new MessageButton(De.ButtonCancel, $"{Area}:{CancelAction}")]], ct);
            return;
        }
        await ReplyAsync(chatId, result, ct);
    }

    /// <summary>A plain message: true when it was the awaited description (answered here), false when it is not for support.</summary>
    public async Task<bool> TrySubmitAsync(long chatId, PlayerSnapshot player, string text, CancellationToken ct)
    {
        var result = await desk.SubmitAsync(player.Id, text, ct);
        if (result.Outcome == SupportOutcome.NoDraft) return false;
        await ReplyAsync(chatId, result, ct);
        return true;
    }

    public async Task HandleButtonAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        if (data.Action != CancelAction || data.Args.Count != 0)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
            return;
        }
        var result = await desk.CancelDraftAsync(player.Id, ct);
        await replies.AnswerCallbackAsync(callbackQueryId, result.Outcome == SupportOutcome.Canceled ? null : De.StaleButton, ct);
        if (result.Outcome == SupportOutcome.Canceled) await replies.SendAsync(chatId, De.SupportCanceled, Menus.BackToMenu(), ct);
    }

    private Task<int?> ReplyAsync(long chatId, SupportResult result, CancellationToken ct) => result.Outcome switch
    {
        SupportOutcome.Opened => replies.SendAsync(chatId, De.SupportOpened(result.Number ?? 0), Menus.BackToMenu(), ct),
        SupportOutcome.TooShort => replies.SendAsync(chatId, De.SupportTooShort, null, ct),
        SupportOutcome.TooLong => replies.SendAsync(chatId, De.SupportTooLong, null, ct),
        _ => replies.SendAsync(chatId, De.SupportTooManyOpen, Menus.BackToMenu(), ct),
    };
}
