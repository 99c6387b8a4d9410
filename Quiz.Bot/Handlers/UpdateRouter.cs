using Quiz.Core.Features;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Dispatches an update by its shape to a thin handler; everything else is ignored. First the switches, from this
/// replica's memory (<see cref="FeatureSnapshot"/>): maintenance lets only payments through, a paused feature's
/// command or button gets its kind answer (<see cref="FeatureGate"/>).
/// </summary>
public sealed class UpdateRouter(
    FeatureSnapshot features,
    SwitchedOffHandler switchedOff,
    MessageHandler messages,
    CallbackHandler callbacks,
    MembershipHandler membership,
    PreCheckoutHandler preCheckout,
    PaymentHandler payments) : IUpdateHandler
{
    /// <summary>The update kinds the bot asks Telegram for (webhook and polling alike).</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PreCheckoutQuery, UpdateType.MyChatMember];

    public Task RouteAsync(Update update, CancellationToken ct)
    {
        var now = features.Current;
        if (now.Maintenance && !FeatureGate.PassesMaintenance(update)) return switchedOff.MaintenanceAsync(update, ct);
        if (FeatureGate.Needs(update) is { } feature && !now.Open(feature)) return switchedOff.PausedAsync(update, feature, ct);
        return Dispatch(update, ct);
    }

    private Task Dispatch(Update update, CancellationToken ct) => update switch
    {
        { Message: { SuccessfulPayment: { } paid, From: { } payer } } => payments.HandlePaidAsync(payer.Id, paid, ct),
        { Message.RefundedPayment: { } refunded } => payments.HandleRefundedAsync(refunded, ct),
        { Message: { Text: { } text } message } => messages.HandleAsync(message, text, ct),
        { CallbackQuery: { } query } => callbacks.HandleAsync(query, ct),
        { MyChatMember: { } member } => membership.HandleAsync(member, ct),
        { PreCheckoutQuery: { } query } => preCheckout.HandleAsync(query, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>The private chat an update belongs to, for the apology after a handler bug.</summary>
    public static long? ChatOf(Update update) => update switch
    {
        { Message.Chat: { } chat } => chat.Id,
        { CallbackQuery.Message.Chat: { } chat } => chat.Id,
        { CallbackQuery.From: { } from } => from.Id,
        _ => null,
    };
}
