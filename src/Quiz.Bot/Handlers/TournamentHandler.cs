using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// <c>/turniere</c>, the deep link <c>/start turnier_&lt;id&gt;</c> and the <c>turnier:*</c> buttons:
/// Core's <see cref="TournamentService"/> decides, this renders. A tournament game runs like every
/// other game through <see cref="GameHandler"/>.
/// </summary>
public sealed class TournamentHandler(TournamentService tournaments, Shop shop, BotReplies replies, GameHandler games)
{
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
            await replies.SendAsync(chatId, De.TournamentGone, [[new(De.ButtonAllTournaments, TournamentButtons.List), new(De.ButtonMenu, CallbackData.Menu(Menus.Main))]], ct);
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
        switch (data.Action)
        {
            case TournamentButtons.JoinAction:
                await JoinAsync(callbackQueryId, chatId, player, id, ct);
                break;
            case TournamentButtons.PlayAction:
                await PlayAsync(callbackQueryId, chatId, player, id, ct);
                break;
            case TournamentButtons.RankAction:
                await StandingsAsync(callbackQueryId, chatId, player, id, ct);
                break;
            default:
                await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
                break;
        }
    }

    /// <summary>"Anmelden": joined (a running tournament starts right away), or the short reason nothing changed.</summary>
    private async Task JoinAsync(string callbackQueryId, long chatId, PlayerSnapshot player, Guid id, CancellationToken ct)
    {
        var joined = await tournaments.JoinAsync(player.Id, id, ct);
        if (joined is not { Outcome: JoinOutcome.Joined, Tournament: { } t })
        {
            await RefuseJoinAsync(callbackQueryId, chatId, joined.Outcome, ct);
            return;
        }
        await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
        var text = De.TournamentJoined(t, joined.TicketUsed);
        if (t.State == TournamentState.Active)
        {
            await StartAsync(chatId, player, id, text, ct);
            return;
        }
        await replies.SendAsync(chatId, text, TournamentButtons.ForOne(t), ct);
    }

    /// <summary>"Mitspielen", "Weiterspielen", "Jetzt spielen": joins first where needed, then the player's one attempt.</summary>
    private async Task PlayAsync(string callbackQueryId, long chatId, PlayerSnapshot player, Guid id, CancellationToken ct)
    {
        var play = await tournaments.PlayAsync(player.Id, id, ct);
        string? joinedText = null;
        if (play.Outcome == PlayOutcome.NotJoined)
        {
            var joined = await tournaments.JoinAsync(player.Id, id, ct);
            if (joined.Outcome is not (JoinOutcome.Joined or JoinOutcome.AlreadyJoined))
            {
                await RefuseJoinAsync(callbackQueryId, chatId, joined.Outcome, ct);
                return;
            }
            if (joined is { Outcome: JoinOutcome.Joined, Tournament: { } t }) joinedText = De.TournamentJoined(t, joined.TicketUsed);
            play = await tournaments.PlayAsync(player.Id, id, ct);
        }
        if (play is not { Outcome: PlayOutcome.Started, SessionId: { } session, Tournament: { } tournament })
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.PlayRefused(play.Outcome, play.Tournament), ct);
            if (joinedText is not null) await replies.SendAsync(chatId, joinedText, null, ct);
            return;
        }
        await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
        var intro = De.TournamentIntro(tournament);
        await games.BeginAsync(chatId, player, joinedText is null ? intro : joinedText + "\n\n" + intro, session, ct);
    }

    private async Task StartAsync(long chatId, PlayerSnapshot player, Guid id, string joinedText, CancellationToken ct)
    {
        var play = await tournaments.PlayAsync(player.Id, id, ct);
        if (play is { Outcome: PlayOutcome.Started, SessionId: { } session, Tournament: { } t })
        {
            await games.BeginAsync(chatId, player, joinedText + "\n\n" + De.TournamentIntro(t), session, ct);
            return;
        }
        await replies.SendAsync(chatId, joinedText + "\n\n" + De.PlayRefused(play.Outcome, play.Tournament), Menus.BackToMenu(), ct);
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
        if (outcome == JoinOutcome.NoTicket)
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
