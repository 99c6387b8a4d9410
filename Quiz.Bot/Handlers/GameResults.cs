using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Common;
using Quiz.Core.Features;
using Quiz.Core.Game.Duels;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// The end-of-game message of every mode: score, correct answers, best streak, the duel's state or
/// result, a tournament's (provisional) place, and the buttons "Nochmal" (a tournament: "Rangliste"),
/// "Menü", "Teilen". Used for the player's last answer and for the outbox notices of games that
/// ended without a tap.
/// </summary>
public sealed class GameResults(GameService games, DuelService duels, Leaderboards boards, TournamentService tournaments, BotLinks links, FeatureSnapshot features)
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
        var buttons = GameButtons.AfterGame(session.Mode, session.CategoryId, share, features.Current);
        if (session.Mode == GameMode.Tournament && await tournaments.TournamentOfSessionAsync(sessionId, ct) is { } tournament
            && await tournaments.StandingsAsync(tournament, session.PlayerId, ct) is { } standings)
        {
            text += "\n\n" + De.TournamentGameRank(standings);
            buttons = [[new MessageButton(De.ButtonStandings, TournamentButtons.Data(TournamentButtons.RankAction, tournament)), .. buttons[0]], .. buttons.Skip(1)];
        }
        return new SendMessagePayload(text, buttons);
    }

    /// <summary>The result for the player who finished first, sent when the other side finishes.</summary>
    public async Task<SendMessagePayload?> DuelResultAsync(Guid sessionId, CancellationToken ct) =>
        await duels.GetBySessionAsync(sessionId, ct) is { Won: not null } duel
            ? new SendMessagePayload(De.DuelResult(duel), GameButtons.AfterGame(GameMode.Duel, null, BotLinks.Share(links.Bot, De.ShareText(duel.Me.Score)), features.Current))
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
