using Quiz.Bot.Handlers;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Outbox;

/// <summary>A rendered notice: edit <see cref="EditMessageId"/> when set, otherwise send.</summary>
public sealed record RenderedNotice(SendMessagePayload Message, long? EditMessageId = null);

/// <summary>
/// Turns a Core notice (what happened, by reference) into the German message at send time, so
/// the text lives only in <see cref="De"/> and shows the current data.
/// </summary>
public sealed class NoticeRenderer(
    GameMessages game, GameResults results, Shop shop, SupportDesk support, TournamentService tournaments,
    PlayerDirectory players, TimeProvider time)
{
    /// <summary>What a banned player still hears about: their money and their support cases — not games, duels or tournaments.</summary>
    private static readonly HashSet<string> ForBannedToo =
    [
        EconomyNotices.PurchaseCompleted, EconomyNotices.SubscriptionRenewed, EconomyNotices.Refunded, EconomyNotices.PurchaseFlagged, EconomyNotices.SupportClosed,
    ];

    /// <summary>
    /// The message for <paramref name="chatId"/>, or null when there is nothing to say any more: the referenced
    /// data is gone, or the player was banned after the notice was written.
    /// </summary>
    public async Task<RenderedNotice?> RenderAsync(NoticePayload notice, long chatId, CancellationToken ct)
    {
        if (!ForBannedToo.Contains(notice.Topic) && await players.IsBannedChatAsync(chatId, ct)) return null;
        switch (notice.Topic)
        {
            case GameNotices.QuestionTimedOut when notice is { SessionId: { } session, Ordinal: { } ordinal }:
                return await game.RevealAsync(session, ordinal, ct);
            case GameNotices.GameEnded when notice.SessionId is { } session:
                return await results.SummaryAsync(session, ct) is { } summary ? new RenderedNotice(summary) : null;
            case GameNotices.GameIdleEnded when notice.SessionId is { } session:
                return await results.SummaryAsync(session, ct) is { } idle
                    ? new RenderedNotice(idle with { Text = De.IdleEnded + "\n\n" + idle.Text })
                    : null;
            case GameNotices.DuelResult when notice.SessionId is { } session:
                return await results.DuelResultAsync(session, ct) is { } result ? new RenderedNotice(result) : null;
            case GameNotices.DuelExpired:
                return new RenderedNotice(new SendMessagePayload(De.DuelExpiredNotice,
                    [[new Core.Messaging.MessageButton(De.ButtonDuel, GameButtons.Duel), new Core.Messaging.MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))]]));
            case EconomyNotices.PurchaseCompleted or EconomyNotices.SubscriptionRenewed or EconomyNotices.Refunded when notice.SubjectId is { } purchase:
                return await EconomyAsync(notice.Topic, purchase, ct);
            case EconomyNotices.SupportClosed when notice.SubjectId is { } supportCase:
                return await support.ClosureAsync(supportCase, ct) is { } closure
                    ? new RenderedNotice(new SendMessagePayload(De.SupportClosed(closure.Number, closure.Reply), Menus.BackToMenu()))
                    : null;
            case TournamentNotices.Started when notice.SubjectId is { } tournament:
                return await TournamentStartedAsync(tournament, ct);
            case TournamentNotices.Result when notice.SubjectId is { } tournament:
                return await TournamentResultAsync(tournament, notice.Place, chatId, ct);
            case TournamentNotices.Cancelled when notice.SubjectId is { } tournament:
                return await TournamentCancelledAsync(tournament, chatId, ct);
            case EconomyNotices.PurchaseFlagged:
                return new RenderedNotice(new SendMessagePayload(De.PurchaseFlagged));
            default:
                throw new System.Text.Json.JsonException($"Unknown notice topic '{notice.Topic}'.");
        }
    }

    /// <summary>"Jetzt spielen" while it runs: one row by key per notice (a late start notice says nothing).</summary>
    private async Task<RenderedNotice?> TournamentStartedAsync(Guid id, CancellationToken ct)
    {
        if (await tournaments.HeadingAsync(id, ct) is not { } t) return null;
        // A start notice that arrives after the end would invite to a game that is over.
        return t.State == TournamentState.Active && time.GetUtcNow() < t.EndsAt
            ? new RenderedNotice(new SendMessagePayload(De.TournamentStartedNotice(t), TournamentButtons.StartedNotice(id)))
            : null;
    }

    /// <summary>
    /// Place, points and reward as the notice carries them (written for all entrants from one ranking read, ADR 0015);
    /// a notice written before that carried nothing reads the player's standings as before.
    /// </summary>
    private async Task<RenderedNotice?> TournamentResultAsync(Guid id, NoticePlace? place, long chatId, CancellationToken ct)
    {
        if (await tournaments.HeadingAsync(id, ct) is not { } t) return null;
        if (place is null)
        {
            if (await tournaments.StandingsOfChatAsync(id, chatId, ct) is not { } standings) return null;
            place = new NoticePlace(standings.Ranked, standings.Own?.Rank, standings.Own?.Points ?? 0, standings.Own?.CorrectAnswers ?? 0, standings.Own?.Reward);
        }
        var solutions = await tournaments.SolutionsAsync(id, ct);
        return new RenderedNotice(new SendMessagePayload(De.TournamentResultNotice(t.Title, place, t.RewardTiers) + De.TournamentSolutions(solutions), TournamentButtons.ResultNotice(id)));
    }

    /// <summary>Title by key and the player's one entry: O(1) per notice.</summary>
    private async Task<RenderedNotice?> TournamentCancelledAsync(Guid id, long chatId, CancellationToken ct) =>
        await tournaments.HeadingAsync(id, ct) is { State: TournamentState.Cancelled } t
            ? new RenderedNotice(new SendMessagePayload(De.TournamentCancelledNotice(t.Title, await tournaments.PaidWithTicketOfChatAsync(id, chatId, ct))))
            : null;

    private async Task<RenderedNotice?> EconomyAsync(string topic, Guid purchase, CancellationToken ct)
    {
        var title = await shop.PurchaseTitleAsync(purchase, ct);
        var owner = await shop.PurchaseOwnerAsync(purchase, ct);
        if (title is null || owner is null) return null;
        var holdings = await shop.HoldingsAsync(owner.Value, ct);
        var text = topic switch
        {
            EconomyNotices.PurchaseCompleted => De.PurchaseThanks(title, holdings),
            EconomyNotices.SubscriptionRenewed => De.SubscriptionRenewed(holdings),
            _ => De.Refunded(title),
        };
        return new RenderedNotice(new SendMessagePayload(text, Menus.BackToMenu()));
    }
}
