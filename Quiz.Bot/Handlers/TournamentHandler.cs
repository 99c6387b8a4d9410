using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Features;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// <c>/turniere</c>, the deep link <c>/start turnier_&lt;id&gt;</c> and the <c>turnier:*</c> buttons:
/// Core's <see cref="TournamentService"/> decides, this renders. A tournament game runs like every
/// other game through <see cref="GameHandler"/>.
/// </summary>
public sealed class TournamentHandler(TournamentService tournaments, Shop shop, BotReplies replies, GameHandler games, FeatureSnapshot features) : ICallbackArea
{
    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => HandleAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task ShowListAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        var list = await tournaments.ListOpenAsync(player.Id, ct);
        if (list.Count == 0)
        {
            await replies.SendAsync(chatId, De.NoTournaments, Menus.BackToMenu(), ct);
            return;
        }
        await replies.SendAsync(chatId, De.TournamentList(list, await TicketsAsync(player, list, ct)), TournamentButtons.ForList(list), ct);
    }

    /// <summary>The deep link: that one tournament with its buttons; a malformed or unknown id gets the friendly "gibt es nicht".</summary>
    public async Task ShowOneAsync(long chatId, PlayerSnapshot player, string rawId, CancellationToken ct)
    {
        var t = rawId.Length == 32 && Guid.TryParseExact(rawId, "N", out var id) ? await tournaments.GetAsync(id, player.Id, ct) : null;
        if (t is null)
        {
            await replies.SendAsync(chatId, De.TournamentGone, [[new(De.ButtonAllTournaments, TournamentButtons.List), new(De.ButtonMenu, Menus.Data(Menus.Main))]], ct);
            return;
        }
        await replies.SendAsync(chatId, De.TournamentView(t, await TicketsAsync(player, [t], ct)), TournamentButtons.ForOne(t), ct);
    }

    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        if (data.Action == TournamentButtons.ListAction && data.Args.Count == 0)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
            await ShowListAsync(chatId, player, ct);
            return;
        }
        if (!TournamentButtons.TryParseId(data, out var id))
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
            return;
        }
        if (data.Action == TournamentButtons.PlayAction && !features.Current.Open(Feature.Tournaments)
            && await tournaments.GetAsync(id, player.Id, ct) is not { Joined: true })
        {
            // Paused: no new entries; who already entered (perhaps with a ticket) may still play their attempt.
            await replies.AnswerCallbackAsync(callbackQueryId, De.FeaturePaused(Feature.Tournaments), ct);
            return;
        }
        switch (data.Action)
        {
            case TournamentButtons.JoinAction or TournamentButtons.PlayAction:
                await EnterAsync(callbackQueryId, chatId, player, id, joinButton: data.Action == TournamentButtons.JoinAction, ct);
                break;
            case TournamentButtons.RankAction:
                await StandingsAsync(callbackQueryId, chatId, player, id, ct);
                break;
            default:
                await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
                break;
        }
    }

    /// <summary>
    /// "Anmelden", "Mitspielen", "Weiterspielen", "Jetzt spielen": Core's <see cref="TournamentService.EnterAsync"/>
    /// joins where needed and starts the attempt when the tournament runs; this only renders what happened.
    /// </summary>
    private async Task EnterAsync(string callbackQueryId, long chatId, PlayerSnapshot player, Guid id, bool joinButton, CancellationToken ct)
    {
        var (joined, play) = await tournaments.EnterAsync(player.Id, id, ct);
        if (joined is { Outcome: not (JoinOutcome.Joined or JoinOutcome.AlreadyJoined) })
        {
            await RefuseJoinAsync(callbackQueryId, chatId, joined.Outcome, ct);
            return;
        }
        var joinedText = joined is { Outcome: JoinOutcome.Joined, Tournament: { } t } ? De.TournamentJoined(t, joined.TicketUsed) : null;
        if (play is { Outcome: PlayOutcome.Started, SessionId: { } session, Tournament: { } tournament })
        {
            await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
            var intro = De.TournamentIntro(tournament);
            await games.BeginAsync(chatId, player, joinedText is null ? intro : joinedText + "\n\n" + intro, session, ct);
            return;
        }
        if (play is null && joined?.Tournament is { } scheduled && joinedText is not null)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
            await replies.SendAsync(chatId, joinedText, TournamentButtons.ForOne(scheduled), ct);
            return;
        }
        var answer = play is null || (joinButton && play.Outcome == PlayOutcome.NotStarted)
            ? De.TournamentAlreadyJoined
            : De.PlayRefused(play.Outcome, play.Tournament);
        await replies.AnswerCallbackAsync(callbackQueryId, answer, ct);
        if (joinedText is not null) await replies.SendAsync(chatId, joinedText, null, ct);
    }

    private async Task StandingsAsync(string callbackQueryId, long chatId, PlayerSnapshot player, Guid id, CancellationToken ct)
    {
        var standings = await tournaments.StandingsAsync(id, player.Id, ct);
        await replies.AnswerCallbackAsync(callbackQueryId, standings is null ? De.TournamentGone : null, ct);
        if (standings is null) return;
        await replies.SendAsync(chatId, De.TournamentStandings(standings, player.Id), TournamentButtons.Standings(standings), ct);
    }

    /// <summary>Short answers; without a ticket also the way to the shop's ticket packages.</summary>
    private async Task RefuseJoinAsync(string callbackQueryId, long chatId, JoinOutcome outcome, CancellationToken ct)
    {
        await replies.AnswerCallbackAsync(callbackQueryId, De.JoinRefused(outcome), ct);
        if (outcome == JoinOutcome.NoTicket && features.Current.Open(Feature.Shop))
        {
            await replies.SendAsync(chatId, De.TournamentNoTicket, TournamentButtons.NoTicket(await shop.ListPackagesAsync(ct)), ct);
        }
    }

    /// <summary>The player's tickets, only where one of the tournaments shown still wants one.</summary>
    private async Task<int?> TicketsAsync(PlayerSnapshot player, IReadOnlyList<TournamentSummary> shown, CancellationToken ct) =>
        shown.Any(t => t.EntryFee == TournamentEntryFee.Ticket && !t.Joined && t.State is TournamentState.Scheduled or TournamentState.Active)
            ? (await shop.HoldingsAsync(player.Id, ct)).TournamentTickets
            : null;
}
