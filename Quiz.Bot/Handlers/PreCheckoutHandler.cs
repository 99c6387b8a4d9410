using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Must be answered within 10 s: one indexed read against the stored invoice, then the answer —
/// no send budget or retry wait on this path. Anything that does not match is declined with a
/// German reason and nothing is charged.
/// </summary>
public sealed class PreCheckoutHandler(ITelegramBotClient bot, Shop shop, BotMetrics metrics)
{
    public async Task HandleAsync(PreCheckoutQuery query, CancellationToken ct)
    {
        try
        {
            var verdict = await shop.ValidatePreCheckoutAsync(query.From.Id, query.InvoicePayload, query.Currency, query.TotalAmount, ct);
            await bot.AnswerPreCheckoutQuery(query.Id, verdict == PreCheckoutVerdict.Ok ? null : De.PreCheckoutRefused(verdict), ct);
        }
        catch
        {
            // Unanswered, Telegram cancels the payment after 10 s: a failure the player sees and the alert counts.
            metrics.PaymentFailed(PaymentStages.PreCheckout);
            throw;
        }
    }
}
