using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>
/// The player a game press's claim already touched (<see cref="Quiz.Core.Game.PressClaims"/>, one round trip for both), for
/// the handler of this update's scope, so it does not upsert the player a second time.
/// </summary>
public sealed class ClaimedPlayer
{
    public PlayerSnapshot? Snapshot { get; set; }

    /// <summary>The touched player if it is <paramref name="telegramUserId"/>; null: touch them.</summary>
    public PlayerSnapshot? For(long telegramUserId) => Snapshot is { } known && known.TelegramUserId == telegramUserId ? known : null;
}
