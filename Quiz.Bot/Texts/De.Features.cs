using Quiz.Core.Features;

namespace Quiz.Bot.Texts;

/// <summary>Maintenance and paused features (the console's switches): short enough for a button's answer (≤ 200 characters).</summary>
public static partial class De
{
    public const string Maintenance =
        "🛠️ Wartung: Wir arbeiten gerade am Quiz und sind bald wieder für Dich da. Bitte versuch es später noch einmal. Danke für Deine Geduld!";

    public static string FeaturePaused(Feature feature) => feature switch
    {
        Feature.Quick => "⏸️ Das schnelle Spiel ist gerade pausiert.",
        Feature.Category => "⏸️ Das Spiel nach Kategorie ist gerade pausiert.",
        Feature.Survival => "⏸️ Überleben ist gerade pausiert.",
        Feature.Daily => "⏸️ Das Tagesquiz ist gerade pausiert.",
        Feature.Duels => "⏸️ Duelle sind gerade pausiert.",
        Feature.Tournaments => "⏸️ Turniere sind gerade pausiert.",
        Feature.Shop => "⏸️ Der Shop ist gerade pausiert.",
        _ => "⏸️ Das ist gerade pausiert.",
    } + " Bitte versuch es später noch einmal – alles andere geht wie gewohnt.";

    /// <summary><c>/hilfe</c> with only what is open now: a paused feature is not offered.</summary>
    public static string HelpFor(FeatureSet features)
    {
        var play = new List<string>();
        if (features.Open(Feature.Quick)) play.Add("/spielen – Schnelles Spiel: 10 Fragen aus allen Gebieten");
        if (features.Open(Feature.Daily)) play.Add("/tagesquiz – heute für alle dieselben 10 Fragen, ein Versuch");
        if (features.Open(Feature.Duels)) play.Add("/duell – 7 Fragen, dann forderst Du jemanden heraus");
        if (features.Open(Feature.Tournaments)) play.Add("/turniere – Turniere: anmelden, mitspielen, Rangliste (kostenlos oder mit Turnier-Ticket)");
        List<string> menu = [];
        if (features.Open(Feature.Category)) menu.Add("Kategorie (10 Fragen aus einem Gebiet)");
        if (features.Open(Feature.Survival)) menu.Add("Überleben (bis zum ersten Fehler, immer schwerer)");
        if (menu.Count > 0) play.Add("Im Menü: " + string.Join(" und ", menu));
        if (play.Count == 0) play.Add("Alle Spiele sind gerade pausiert – bitte schau später wieder vorbei.");
        var shop = features.Open(Feature.Shop) ? "/shop – Spiele, Extra-Leben, Joker, Turnier-Tickets und Premium mit Telegram Stars\n" : "";
        return "❓ <b>Hilfe</b>\n\n<b>Spielen</b>\n" + string.Join("\n", play) + "\n\n" + HelpMore.Replace("{shop}", shop, StringComparison.Ordinal) + "\n\n" + HelpPoints;
    }

    private const string HelpMore =
        """
        <b>Mehr</b>
        /profil – Deine Spiele, Rekorde und Deine Serie
        /bestenliste – Tagesquiz heute, diese Woche, Überleben-Rekorde
        {shop}/terms – Verkaufsbedingungen
        /paysupport – Hilfe bei Zahlungen und Erstattungen
        /start – Begrüßung und Hauptmenü
        /datenschutz – was wir speichern, warum, wie lange; Deine Rechte
        /meinedaten – alle Deine Daten als Datei (JSON)
        /loeschen – Dein Konto und Deine Daten löschen
        """;

    private const string HelpPoints =
        """
        <b>Punkte</b>
        Richtig: 100 Punkte plus bis zu 50 Bonuspunkte, je nachdem, wie viel Zeit noch übrig war.
        Falsch oder zu spät: 0 Punkte. Die Zeit misst unser Server.
        Täglich sind 5 Spiele kostenlos, danach zählen gekaufte Spiele; mit Premium spielst Du unbegrenzt. Tagesquiz und Duelle kosten nichts.
        🃏 Joker 50:50 nimmt zwei falsche Antworten weg (nicht im Tagesquiz, im Duell oder im Turnier); ein Extra-Leben rettet einen Überleben-Lauf einmal.
        """;
}
