using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary><c>/profil</c> and <c>/bestenliste</c> with its <c>board:*</c> buttons: read Core's stats, render German.</summary>
public sealed class ProfileHandler(BotReplies replies, PlayerProfiles profiles, Leaderboards boards, Subscriptions subscriptions)
{
    /// <summary>The profile; with a running Premium subscription also its renewal state and the button to stop or resume it.</summary>
    public async Task ShowProfileAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(player.Id, ct);
        var text = De.Profile(player.FirstName, profile);
        var buttons = BoardButtons.ForProfile();
        if (await subscriptions.CurrentAsync(player.Id, ct) is { } subscription)
        {
            text += "\n\n" + (subscription.Canceled ? De.SubscriptionStopped(subscription.PaidUntil) : De.SubscriptionActive(subscription.PaidUntil));
            var toggle = subscription.Canceled
                ? new MessageButton(De.ButtonResumeSubscription, $"{SubscriptionHandler.Area}:{SubscriptionHandler.ResumeAction}")
                : new MessageButton(De.ButtonCancelSubscription, $"{SubscriptionHandler.Area}:{SubscriptionHandler.CancelAction}");
            buttons = [.. buttons, [toggle]];
        }
        await replies.SendAsync(chatId, text, buttons, ct);
    }

    /// <summary>
    /// Sends the board named <paramref name="board"/> (<c>today</c>, <c>week</c>, <c>survival</c>;
    /// null or empty means today, for <c>/bestenliste</c>). False for any other name — nothing is
    /// sent, so the caller answers the button as stale.
    /// </summary>
    public async Task<bool> ShowLeaderboardAsync(long chatId, PlayerSnapshot player, string? board, CancellationToken ct)
    {
        var kind = BoardKind.Today;
        if (!string.IsNullOrEmpty(board) && !BoardButtons.TryParse(board, out kind)) return false;
        var leaderboard = await boards.GetAsync(kind, player.Id, ct: ct);
        await replies.SendAsync(chatId, De.Leaderboard(leaderboard, player.Id), BoardButtons.Switch(kind), ct);
        return true;
    }
}
