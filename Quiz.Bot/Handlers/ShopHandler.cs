using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Handlers;

/// <summary>
/// <c>/shop</c> and the buy buttons (<c>shop:buy:&lt;package&gt;</c>): InitPurchase stores the
/// invoice, then the bot sends it (XTR, no provider token, one price) — a subscription as an
/// invoice link with Telegram's 30-day period.
/// </summary>
public sealed class ShopHandler(Shop shop, BotReplies replies, ITelegramBotClient bot) : ICallbackArea
{
    public const string Area = "shop";
    public const string BuyAction = "buy";

    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => BuyAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task ShowAsync(long chatId, CancellationToken ct)
    {
        var packages = await shop.ListPackagesAsync(ct);
        if (packages.Count == 0)
        {
            await replies.SendAsync(chatId, De.ShopEmpty, Menus.BackToMenu(), ct);
            return;
        }
        var text = De.ShopIntro + "\n\n" + string.Join("\n\n", packages.Select(De.ShopLine));
        IReadOnlyList<IReadOnlyList<MessageButton>> buttons =
        [
            .. packages.Select(p => (IReadOnlyList<MessageButton>)[new MessageButton(De.BuyButton(p), $"{Area}:{BuyAction}:{p.Id}")]),
            [new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
        ];
        await replies.SendAsync(chatId, text, buttons, ct);
    }

    public async Task BuyAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        var draft = data.Action == BuyAction && data.Args.Count == 1 ? await shop.InitPurchaseAsync(player.Id, data.Args[0], ct) : null;
        await replies.AnswerCallbackAsync(callbackQueryId, draft is null ? De.PackageGone : null, ct);
        if (draft is null) return;
        try
        {
            if (draft.IsSubscription)
            {
                // A link is not a message: no send budget until the reply that carries it.
                var link = await bot.CreateInvoiceLink(draft.Title, draft.Description, draft.Payload, Package.Currency,
                    [new LabeledPrice(draft.Title, draft.PriceStars)], subscriptionPeriod: Package.SubscriptionPeriodSeconds, cancellationToken: ct);
                await replies.SendAsync(chatId, De.SubscriptionLinkText, [[new MessageButton(De.ButtonSubscribe, Url: link)]], ct);
                return;
            }
            await replies.SendInvoiceAsync(chatId, new SendInvoicePayload(draft.Title, draft.Description, draft.Payload, draft.PriceStars, Package.Currency), ct);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException)
        {
            // Nothing was charged: an invoice that did not go out is simply asked for again.
            await replies.SendAsync(chatId, De.InvoiceFailed, Menus.BackToMenu(), ct);
        }
    }
}
