using Telegram.Bot.Requests;

namespace Quiz.Bot.Telegram;

/// <summary>
/// editUserStarSubscription with <c>is_canceled</c> always sent: the Bot API marks it required,
/// and Telegram.Bot's own request leaves a <c>false</c> out (the "take the cancellation back" case).
/// </summary>
public sealed class EditStarSubscriptionRequest(long userId, string telegramPaymentChargeId, bool isCanceled)
    : RequestBase<bool>("editUserStarSubscription")
{
    public override HttpContent ToHttpContent() =>
        JsonContent.Create(new { user_id = userId, telegram_payment_charge_id = telegramPaymentChargeId, is_canceled = isCanceled });
}
