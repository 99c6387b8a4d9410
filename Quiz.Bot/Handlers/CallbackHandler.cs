using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Players;
using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Button presses. Every press is answered; data that does not parse or names no area we know gets the
/// short "no longer valid" notice and changes nothing. Each area routes its own actions (<see cref="CallbackAreas"/>).
/// </summary>
public sealed class CallbackHandler(PlayerDirectory players, ClaimedPlayer claimed, BotReplies replies, IServiceProvider services)
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken ct)
    {
        if (!CallbackData.TryParse(query.Data, out var data) || query.Message is null
            || CallbackAreas.Find(services, data.Area) is not { } area)
        {
            await replies.AnswerCallbackAsync(query.Id, De.StaleButton, ct);
            return;
        }
        var player = claimed.For(query.From.Id) ?? await players.TouchAsync(Identity.Of(query.From), ct);
        if (player.IsBanned && data.Area is not (PrivacyHandler.Area or SupportHandler.Area))
        {
            // Every press is answered (the client stops waiting); the notice goes to the chat once a day, then silence.
            await replies.AnswerCallbackAsync(query.Id, null, ct);
            if (await players.ClaimBanNoticeAsync(player.Id, ct)) await replies.SendAsync(query.Message.Chat.Id, De.Banned, null, ct);
            return;
        }
        await area.HandleAsync(new ButtonPress(query.Id, query.Message.Chat.Id, query.Message.Id, player, data), ct);
    }
}
