using Quiz.Core.Economy;

namespace Quiz.Bot.Texts;

/// <summary>Texts of the shop, payments and refunds (Telegram Stars).</summary>
public static partial class De
{
    public const string ButtonShop = "⭐ Shop";
    public const string ShopEmpty = "🛒 Gerade gibt es nichts zu kaufen. Schau bald wieder vorbei!";
    public const string ShopIntro = "🛒 <b>Shop</b>\nBezahlt wird mit Telegram Stars ⭐. Tippe auf ein Paket, um die Rechnung zu bekommen.";

    public static string ShopLine(Package p) => $"<b>{Html(p.Title)}</b> – {Stars(p.PriceStars)}{(p.IsSubscription ? " pro Monat" : "")}\n{Html(p.Description)}";

    public static string BuyButton(Package p) => $"{p.Title} · {p.PriceStars.ToString("N0", German)} ⭐";

    public const string PackageGone = "Dieses Paket gibt es gerade nicht mehr. Tippe auf /shop für das aktuelle Angebot.";
    public const string SubscriptionLinkText = "⭐ Premium ist ein Abo über Telegram Stars: 30 Tage unbegrenzt spielen, es verlängert sich monatlich, bis Du es kündigst – in /profil oder in Telegram.";
    public const string ButtonSubscribe = "⭐ Premium abonnieren";
    public const string InvoiceFailed = "Die Rechnung konnte gerade nicht erstellt werden. Bitte versuche es gleich noch einmal.";

    /// <summary>The reason shown by Telegram when we decline a pre-checkout (nothing is charged).</summary>
    public static string PreCheckoutRefused(PreCheckoutVerdict verdict) => verdict switch
    {
        PreCheckoutVerdict.Expired => "Diese Rechnung ist abgelaufen. Bitte hol Dir im /shop eine neue.",
        PreCheckoutVerdict.PackageInactive => "Dieses Paket wird nicht mehr verkauft. Schau im /shop nach dem aktuellen Angebot.",
        PreCheckoutVerdict.AlreadyPaid => "Diese Rechnung ist bereits bezahlt.",
        PreCheckoutVerdict.Banned => "Dein Konto ist gesperrt, deshalb sind keine Käufe möglich. Es wurden keine Stars abgebucht.",
        _ => PurchaseInvalid,
    };

    public static string PurchaseThanks(string title, Holdings holdings) =>
        $"🎉 <b>Danke für Deinen Kauf!</b>\n„{Html(title)}“ ist jetzt in Deinem Konto.\n\n{HoldingsLine(holdings)}";

    public static string SubscriptionRenewed(Holdings holdings) =>
        $"⭐ Dein Premium-Abo wurde verlängert.\n\n{HoldingsLine(holdings)}";

    public const string PurchaseFlagged =
        "⚠️ Deine Zahlung passte nicht zu Deiner Rechnung. Wir haben nichts gutgeschrieben und erstatten Dir die Stars. Bei Fragen hilft /paysupport.";

    public static string Refunded(string title) =>
        $"↩️ Dein Kauf „{Html(title)}“ wurde erstattet; die Stars sind zurück auf Deinem Konto. Nicht Verbrauchtes haben wir wieder ausgebucht.";

    public static string HoldingsLine(Holdings h)
    {
        var parts = new List<string>();
        if (h.Games > 0) parts.Add(Count(h.Games, "Spiel", "Spiele"));
        if (h.ExtraLives > 0) parts.Add(Count(h.ExtraLives, "Extra-Leben", "Extra-Leben"));
        if (h.Jokers > 0) parts.Add(Count(h.Jokers, "Joker", "Joker"));
        if (h.TournamentTickets > 0) parts.Add(Count(h.TournamentTickets, "Turnier-Ticket", "Turnier-Tickets"));
        if (h.PremiumUntil is { } until) parts.Add($"Premium bis {BerlinTime(until)}");
        return parts.Count == 0 ? "Du hast gerade nichts auf Vorrat." : "Dein Vorrat: " + string.Join(" · ", parts);
    }

    public const string Terms =
        """
        📄 <b>Verkaufsbedingungen</b>

        Bezahlt wird ausschließlich mit Telegram Stars ⭐. Pakete (Spiele, Extra-Leben, Joker, Turnier-Tickets) werden sofort nach der Zahlung gutgeschrieben und verfallen nicht.
        Premium ist ein Abo: 30 Tage unbegrenzt spielen, es verlängert sich monatlich und lässt sich jederzeit in /profil oder in Telegram kündigen; die bezahlte Zeit bleibt bis zum Ende erhalten.
        Erstattungen sind bei technischen Problemen oder Fehlkäufen möglich – wende Dich an /paysupport. Bereits Verbrauchtes wird dabei nicht erstattet; nicht Verbrauchtes buchen wir aus.
        Es gibt keine Auszahlung von Gewinnen in Geld oder Stars.
        """;

    private static string Stars(int n) => $"{n.ToString("N0", German)} ⭐";
}
