using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Callback data of tournaments (≤ 64 bytes each): <c>turnier:list</c>, <c>turnier:join:&lt;id&gt;</c>,
/// <c>turnier:play:&lt;id&gt;</c>, <c>turnier:rank:&lt;id&gt;</c> with the id as 32 hex digits.
/// </summary>
public static class TournamentButtons
{
    public const string Area = "turnier";
    public const string ListAction = "list";
    public const string JoinAction = "join";
    public const string PlayAction = "play";
    public const string RankAction = "rank";

    public const string List = $"{Area}:{ListAction}";

    public static string Data(string action, Guid id) => $"{Area}:{action}:{id:N}";

    /// <summary>Exactly one argument, a tournament id in the "N" format; anything else is a stale or forged button.</summary>
    public static bool TryParseId(CallbackData data, out Guid id)
    {
        id = Guid.Empty;
        return data.Args.Count == 1 && data.Args[0].Length == 32 && Guid.TryParseExact(data.Args[0], "N", out id);
    }

    /// <summary>What the player can do now: Anmelden, Mitspielen, Weiterspielen, Rangliste; numbered in a list.</summary>
    public static IReadOnlyList<MessageButton> For(TournamentSummary t, int? number = null)
    {
        var prefix = number is { } n ? $"{n} · " : "";
        var row = new List<MessageButton>();
        if (t.State == TournamentState.Scheduled && !t.Joined) row.Add(new(prefix + De.ButtonJoin, Data(JoinAction, t.Id)));
        if (t.State == TournamentState.Active && !t.Played) row.Add(new(prefix + De.ButtonPlayTournament, Data(PlayAction, t.Id)));
        if (t.State == TournamentState.Active && t.AttemptOpen) row.Add(new(prefix + De.ButtonContinueTournament, Data(PlayAction, t.Id)));
        if (t.State != TournamentState.Scheduled) row.Add(new(prefix + De.ButtonStandings, Data(RankAction, t.Id)));
        return row;
    }

    public static IReadOnlyList<IReadOnlyList<MessageButton>> ForList(IReadOnlyList<TournamentSummary> list) =>
    [
        .. list.Select((t, i) => For(t, list.Count > 1 ? i + 1 : null)).Where(row => row.Count > 0),
        [new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> ForOne(TournamentSummary t)
    {
        var own = For(t);
        IReadOnlyList<MessageButton> back = [new MessageButton(De.ButtonAllTournaments, List), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))];
        return own.Count > 0 ? [own, back] : [back];
    }

    /// <summary>Live: refresh; both: back to the list and the menu.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> Standings(TournamentStandings s)
    {
        IReadOnlyList<MessageButton> back = [new MessageButton(De.ButtonAllTournaments, List), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))];
        return s.Final ? [back] : [[new MessageButton(De.ButtonRefresh, Data(RankAction, s.Tournament.Id))], back];
    }

    /// <summary>The shop's buy buttons of the packages that hold a ticket, then the whole shop and the menu.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> NoTicket(IEnumerable<Package> packages) =>
    [
        .. packages.Where(p => p.Contents.TournamentTickets > 0)
            .Select(p => (IReadOnlyList<MessageButton>)[new MessageButton(De.BuyButton(p), $"{ShopHandler.Area}:{ShopHandler.BuyAction}:{p.Id}")]),
        [new MessageButton(De.ButtonShop, Menus.Data(Menus.Shop)), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> StartedNotice(Guid id) =>
        [[new MessageButton(De.ButtonPlayNow, Data(PlayAction, id)), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))]];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> ResultNotice(Guid id) =>
        [[new MessageButton(De.ButtonStandings, Data(RankAction, id)), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))]];
}
