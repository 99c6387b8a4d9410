using Quiz.Core.Economy;
using Quiz.Core.Game;

namespace Quiz.Core.Messaging;

/// <summary>
/// Which queue an outbox row waits in (issue #14 item 4): the dispatcher claims the highest lane first, and the bot's
/// send budget serves it first. The numbers are the column's order (<c>outbox_messages.lane</c>, lower goes first);
/// 0 is never stored, so a row written by plain SQL without a lane falls to the database's default, <see cref="Bulk"/>.
/// </summary>
public enum OutboxLane : short
{
    /// <summary>Replies to a player's own action that had to wait (deferred replies) and the game's own next step.</summary>
    Interactive = 1,

    /// <summary>Money: payment and refund notices, refunds, subscription cancels, reconciliation steps.</summary>
    Payment = 2,

    /// <summary>Everything else: tournament start, result and cancel notices, duel results, idle endings — sent with what the others leave.</summary>
    Bulk = 3,
}

/// <summary>The one place that decides a row's lane from its kind (and, for a notice, its topic).</summary>
public static class OutboxLanes
{
    /// <summary>Game notices a player is waiting for in a running game: the revealed answer (and what comes next), the result.</summary>
    private static readonly HashSet<string> InteractiveTopics = new(StringComparer.Ordinal) { GameNotices.QuestionTimedOut, GameNotices.GameEnded };

    private static readonly HashSet<string> PaymentTopics = new(StringComparer.Ordinal)
    {
        EconomyNotices.PurchaseCompleted, EconomyNotices.SubscriptionRenewed, EconomyNotices.PurchaseFlagged, EconomyNotices.Refunded,
        EconomyNotices.SupportClosed,
    };

    /// <summary>
    /// The lane of a row of <paramref name="kind"/> with <paramref name="payload"/>. A kind added later lands in
    /// <see cref="OutboxLane.Bulk"/> until it is named here, so it can never overtake a reply by accident.
    /// </summary>
    public static OutboxLane Of(string kind, object? payload) => kind switch
    {
        // Only the Telegram sender writes these: a reply that could not go out at once.
        OutboxKinds.SendMessage or OutboxKinds.EditMessage or OutboxKinds.DeleteMessage or OutboxKinds.SendInvoice => OutboxLane.Interactive,
        // An operator waits on the Betrieb page for it; it sends no chat message, so it takes nothing from the players' budget.
        OutboxKinds.GetWebhookInfo => OutboxLane.Interactive,
        OutboxKinds.RefundStarPayment or OutboxKinds.CancelStarSubscription or OutboxKinds.ReconcileStarTransactions => OutboxLane.Payment,
        OutboxKinds.Notice when payload is NoticePayload notice => OfNotice(notice.Topic),
        // An operator's announcement to many players: behind replies and payments, within the bulk budget.
        OutboxKinds.Announcement => OutboxLane.Bulk,
        _ => OutboxLane.Bulk,
    };

    public static OutboxLane OfNotice(string topic) =>
        InteractiveTopics.Contains(topic) ? OutboxLane.Interactive
        : PaymentTopics.Contains(topic) ? OutboxLane.Payment
        : OutboxLane.Bulk;
}
