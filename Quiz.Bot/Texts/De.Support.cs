namespace Quiz.Bot.Texts;

/// <summary>Texts of /paysupport and of the Premium subscription in /profil.</summary>
public static partial class De
{
    public const string SupportPrompt =
        "🛟 <b>Hilfe bei Zahlungen</b>\nBeschreibe in einer Nachricht, was schiefgelaufen ist – zum Beispiel welches Paket, wann und was Du erwartet hast. Wir antworten Dir hier im Chat.";

    public const string ButtonCancel = "✖️ Abbrechen";
    public const string SupportCanceled = "Alles klar, kein Anliegen eröffnet.";
    public const string SupportTooShort = "Das ist etwas kurz – beschreibe bitte in ein paar Worten, was passiert ist.";
    public const string SupportTooLong = "Das ist zu lang für ein Anliegen (höchstens 2.000 Zeichen). Fasse es bitte etwas kürzer.";
    public const string SupportTooManyOpen = "Du hast schon drei offene Anliegen. Wir melden uns so schnell wie möglich – bitte hab etwas Geduld.";

    public static string SupportOpened(long number) =>
        $"📨 Danke! Dein Anliegen <b>#{number.ToString(German)}</b> ist bei uns eingegangen. Wir melden uns hier im Chat.";

    public static string SupportClosed(long number, string? reply) => string.IsNullOrWhiteSpace(reply)
        ? $"✅ Dein Anliegen <b>#{number.ToString(German)}</b> ist erledigt. Wenn noch etwas offen ist, schreib einfach wieder /paysupport."
        : $"✅ Antwort auf Dein Anliegen <b>#{number.ToString(German)}</b>:\n\n{Html(reply)}\n\nWenn noch etwas offen ist, schreib einfach wieder /paysupport.";

    public static string SubscriptionActive(DateTimeOffset paidUntil) =>
        $"⭐ Premium-Abo: bezahlt bis {BerlinTime(paidUntil)}; danach verlängert es sich, solange es in Telegram aktiv ist.";

    public static string SubscriptionStopped(DateTimeOffset paidUntil) =>
        $"⭐ Premium-Abo: gekündigt – Premium bleibt bis {BerlinTime(paidUntil)} aktiv.";

    public const string ButtonCancelSubscription = "Abo kündigen";
    public const string ButtonResumeSubscription = "Kündigung zurücknehmen";

    public static string SubscriptionCanceledNow(DateTimeOffset paidUntil) =>
        $"Dein Premium-Abo verlängert sich nicht mehr. Premium bleibt bis {BerlinTime(paidUntil)} aktiv – bis dahin kannst Du die Kündigung in /profil zurücknehmen.";

    /// <summary>Telegram lets the player re-enable renewal, but only the player can switch it on again.</summary>
    public static string SubscriptionResumedNow(DateTimeOffset paidUntil) =>
        $"⭐ Die Kündigung ist zurückgenommen. Schalte die Verlängerung jetzt noch in Telegram wieder ein (Einstellungen → Meine Sterne → Abos), dann verlängert sich Premium am {BerlinTime(paidUntil)}.";

    public const string SubscriptionGone = "Du hast gerade kein laufendes Premium-Abo.";
    public const string SubscriptionChangeFailed = "Das hat gerade nicht geklappt. Bitte versuche es gleich noch einmal.";
}
