using Quiz.Bot.Texts;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Must be answered within 10 s. There is no purchase flow yet (economy issue), so no invoice of
/// ours can be valid: every pre-checkout is declined with a German reason and nothing is charged.
/// </summary>
public sealed class PreCheckoutHandler(ITelegramBotClient bot)
{
    public Task HandleAsync(PreCheckoutQuery query, CancellationToken ct) =>
        bot.AnswerPreCheckoutQuery(query.Id, De.PurchaseInvalid, ct);
}
