using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Common;
using Quiz.Core.Game.Duels;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Handlers;

/// <summary>
/// The end-of-game message of every mode: score, correct answers, best streak, the duel's state or
/// result, and the buttons "Nochmal", "Menü", "Teilen". Used for the player's last answer and for
/// the outbox notices of games that ended without a tap.
/// </summary>
public sealed class GameResults(GameService games, DuelService duels, Leaderboards boards, BotLinks links)
{
    public async Task<SendMessagePayload?> SummaryAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await games.GetSessionAsync(sessionId, ct);
        if (session is null || GameSession.IsOpen(session.State)) return null;

        var text = session.Mode == GameMode.Survival
            ? De.SurvivalSummary(session.Score, session.CorrectCount)
            : De.Summary(session.Score, session.CorrectCount, session.QuestionCount ?? session.CorrectCount, session.BestStreak);
        if (session.Mode == GameMode.Daily && session.State == SessionState.Finished
            && await boards.DailyStandingAsync(session.PlayerId, BerlinDay.Containing(session.StartedAt).Day, ct) is { } standing)
        {
            text += "\n\n" + De.DailyRank(standing.Rank, standing.Participants);
        }
        var share = BotLinks.Share(links.Bot, De.ShareText(session.Score));
        if (session.Mode == GameMode.Duel && await duels.GetBySessionAsync(sessionId, ct) is { } duel)
        {
            text += "\n\n" + DuelLine(duel);
            if (duel.IsChallenger) share = BotLinks.Share(links.Duel(duel.Code), De.DuelShareText(session.Score));
        }
        return new SendMessagePayload(text, GameButtons.AfterGame(session.Mode, session.CategoryId, share));
    }

    /// <summary>The result for the player who finished first, sent when the other side finishes.</summary>
    public async Task<SendMessagePayload?> DuelResultAsync(Guid sessionId, CancellationToken ct) =>
        await duels.GetBySessionAsync(sessionId, ct) is { Won: not null } duel
            ? new SendMessagePayload(De.DuelResult(duel), GameButtons.AfterGame(GameMode.Duel, null, BotLinks.Share(links.Bot, De.ShareText(duel.Me.Score))))
            : null;

    private static string DuelLine(DuelView duel) => duel switch
    {
        { Won: not null } => De.DuelResult(duel),
        { IsChallenger: true, Opponent: null } => De.DuelWaiting(duel.ExpiresAt),
        { IsChallenger: true, Opponent: { } opponent } => De.DuelOpponentPlaying(opponent.FirstName),
        { Opponent: { } challenger } => De.DuelChallengerPlaying(challenger.FirstName),
        _ => De.DuelWaiting(duel.ExpiresAt),
    };
}
