using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game.Stats;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary><c>/profil</c> and <c>/bestenliste</c> with its <c>board:*</c> buttons: read Core's stats, render German.</summary>
public sealed class ProfileHandler(BotReplies replies, PlayerProfiles profiles, Leaderboards boards)
{
    public async Task ShowProfileAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(player.Id, ct);
        await replies.SendAsync(chatId, De.Profile(player.FirstName, profile), BoardButtons.ForProfile(), ct);
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
