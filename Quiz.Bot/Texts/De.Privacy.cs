namespace Quiz.Bot.Texts;

/// <summary>Data protection: <c>/datenschutz</c>, <c>/meinedaten</c>, <c>/loeschen</c>.</summary>
public static partial class De
{
    public const string Privacy =
        """
        🔒 <b>Datenschutz</b>

        <b>Was wir speichern und warum</b>
        • Telegram-ID, Vorname, Benutzername, Spracheinstellung – damit wir Dich erkennen und Dir antworten können.
        • Deine Spiele: Fragen, Antworten, Antwortzeiten, Punkte – für Wertung, Bestenlisten, Turniere und den Schutz vor Betrug.
        • Käufe mit Telegram Stars und die Buchungen Deines Guthabens – für Lieferung, Erstattung und Buchhaltung.
        • Deine Support-Anfragen – um sie zu bearbeiten.
        Rechtsgrundlage ist der Vertrag mit Dir (Art. 6 Abs. 1 b DSGVO), für Käufe zusätzlich die gesetzliche Aufbewahrungspflicht (Art. 6 Abs. 1 c DSGVO). Wir geben nichts an Dritte weiter und zeigen keine Werbung.

        <b>Wie lange</b>
        • Profil, Spiele, Support-Anfragen: bis Du Dein Konto löschst.
        • Käufe und Buchungen: 10 Jahre ab Ende des Kalenderjahres (§ 147 AO, § 257 HGB) – nach einer Löschung nur noch anonymisiert, ohne Namen und ohne Verbindung zu Deinem Telegram-Konto.
        • Verschickte Nachrichten und technische Daten: 7 bis 30 Tage, dann automatisch gelöscht.

        <b>Deine Rechte</b>
        • Auskunft und Datenübertragbarkeit: /meinedaten schickt Dir alle Deine Daten als Datei.
        • Löschung: /loeschen löscht Dein Konto (ein laufendes Premium-Abo wird vorher gekündigt).
        • Berichtigung: Name und Benutzername übernehmen wir bei jeder Nachricht aus Deinem Telegram-Profil.
        • Widerspruch und Einschränkung: schreib uns über /paysupport.
        • Beschwerde: bei jeder Datenschutz-Aufsichtsbehörde, z. B. der Deines Bundeslandes.
        """;

    public const string ExportCaption = "📄 <b>Deine Daten</b> – Profil, Spiele, Käufe und Buchungen (JSON). Bei sehr vielen Spielen enthält die Datei die neuesten 1.000.";

    public static string DeleteQuestion(int minutes) =>
        $"""
        🗑 <b>Konto löschen?</b>

        Wir löschen Deinen Namen, Benutzernamen und die Verbindung zu Deinem Telegram-Konto, entfernen Dich aus allen Bestenlisten und beenden offene Spiele. Guthaben, Spiele-Pakete und Premium verfallen.
        Käufe und Buchungen bewahren wir anonymisiert auf, wie es das Steuerrecht verlangt (10 Jahre).
        Ein laufendes Premium-Abo kündigen wir vorher.

        Das lässt sich nicht rückgängig machen. Die Schaltfläche gilt {minutes} Minuten.
        """;

    public const string ButtonDeleteConfirm = "🗑 Ja, endgültig löschen";
    public const string ButtonDeleteAbort = "↩️ Abbrechen";
    public const string DeleteAborted = "👍 Nichts gelöscht. Dein Konto bleibt, wie es ist.";
    public const string DeleteButtonInvalid = "Diese Schaltfläche ist abgelaufen. Tippe /loeschen für eine neue.";

    public static string Deleted(bool subscriptionCanceled) =>
        "✅ <b>Dein Konto ist gelöscht.</b>\n"
        + (subscriptionCanceled ? "Dein Premium-Abo ist gekündigt, es verlängert sich nicht mehr.\n" : "")
        + "Käufe und Buchungen bleiben nur anonymisiert erhalten. Wenn Du uns wieder schreibst, beginnst Du als neuer Spieler.";
}
