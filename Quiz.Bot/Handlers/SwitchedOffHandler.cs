using Quiz.Bot.Texts;
using Quiz.Core.Features;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Answers what the switches keep closed: in maintenance every press gets <see cref="De.Maintenance"/> as its answer and
/// a chat gets the notice at most once per <see cref="MaintenanceNotices.Interval"/>; a paused feature's command or button
/// gets <see cref="De.FeaturePaused"/>. Nothing else happens: no player row is touched, no game started.
/// </summary>
public sealed class SwitchedOffHandler(Replies.BotReplies replies, MaintenanceNotices notices)
{
    public async Task MaintenanceAsync(Update update, CancellationToken ct)
    {
        switch (update)
        {
            case { CallbackQuery: { } query }:
                await replies.AnswerCallbackAsync(query.Id, De.Maintenance, ct);
                break;
            case { Message: { From.IsBot: false, Chat: { Type: ChatType.Private } chat } } when notices.TryClaim(chat.Id):
                await replies.SendAsync(chat.Id, De.Maintenance, null, ct);
                break;
        }
    }

    public async Task PausedAsync(Update update, Feature feature, CancellationToken ct)
    {
        switch (update)
        {
            case { CallbackQuery: { } query }:
                await replies.AnswerCallbackAsync(query.Id, De.FeaturePaused(feature), ct);
                break;
            case { Message: { From.IsBot: false, Chat: { Type: ChatType.Private } chat } }:
                await replies.SendAsync(chat.Id, De.FeaturePaused(feature), Menus.BackToMenu(), ct);
                break;
        }
    }
}
