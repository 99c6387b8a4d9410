using Quiz.Bot.Replies;
using Quiz.Bot.Telegram;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Players;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Quiz.Bot.Handlers;

/// <summary>
/// <c>sub:cancel</c> / <c>sub:resume</c> under <c>/profil</c>: Telegram stops the renewal, or takes
/// the bot's cancellation back so the player can switch renewal on again in Telegram
/// (editUserStarSubscription); then Core records it. The paid month always stays.
/// </summary>
public sealed partial class SubscriptionHandler(Subscriptions subscriptions, ITelegramBotClient bot, BotReplies replies, ILogger<SubscriptionHandler> logger) : ICallbackArea
{
    public const string Area = "sub";
    public const string CancelAction = "cancel";
    public const string ResumeAction = "resume";

    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => HandleAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        bool? cancel = data.Args.Count != 0 ? null : data.Action switch
        {
            CancelAction => true,
            ResumeAction => false,
            _ => null,
        };
        if (cancel is null)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
            return;
        }
        if (await subscriptions.CurrentAsync(player.Id, ct) is not { } current)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.SubscriptionGone, ct);
            return;
        }
        try
        {
            await bot.SendRequest(new EditStarSubscriptionRequest(current.TelegramUserId, current.ChargeId, cancel.Value), ct);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogEditFailed(player.Id, ex.Message);
            await replies.AnswerCallbackAsync(callbackQueryId, De.SubscriptionChangeFailed, ct);
            return;
        }
        await subscriptions.SetCanceledAsync(player.Id, current.PurchaseId, cancel.Value, ct);
        await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
        await replies.SendAsync(chatId, cancel.Value ? De.SubscriptionCanceledNow(current.PaidUntil) : De.SubscriptionResumedNow(current.PaidUntil), Menus.BackToMenu(), ct);
    }

    [LoggerMessage(LogLevel.Warning, "editUserStarSubscription for player {PlayerId} failed: {Reason}")]
    private partial void LogEditFailed(long playerId, string reason);
}
