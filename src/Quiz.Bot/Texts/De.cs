using System.Net;

namespace Quiz.Bot.Texts;

/// <summary>
/// Every text a player sees, in German ("Du"), HTML as Telegram parses it. Player-supplied values
/// are always passed through <see cref="Html"/>.
/// </summary>
public static class De
{
    public static string Html(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Welcome(string firstName) =>
        $"""
        👋 <b>Hallo {Html(firstName)}, willkommen bei Quiz!</b>
        Hier beantwortest Du Fragen aus vielen Wissensgebieten – je schneller, desto mehr Punkte.
        Für jede richtige Antwort gibt es 100 Punkte und bis zu 50 Bonuspunkte fürs Tempo.
        Wähle unten, wie es weitergeht.
        """;

    public const string Help =
        """
        ❓ <b>Hilfe</b>

        <b>Befehle</b>
        /start – Begrüßung und Hauptmenü
        /spielen – ein schnelles Spiel mit 10 Fragen
        /hilfe – diese Übersicht
        /datenschutz – was wir speichern und warum

        <b>Punkte</b>
        Richtig: 100 Punkte plus bis zu 50 Bonuspunkte, je nachdem, wie viel Zeit noch übrig war.
        Falsch oder zu spät: 0 Punkte. Die Zeit misst unser Server.
        """;

    public const string Privacy =
        """
        🔒 <b>Datenschutz</b>

        Wir speichern Deine Telegram-ID, Deinen Vornamen, Deinen Benutzernamen und Deine Spracheinstellung, damit wir Dich wiedererkennen und Dir antworten können.
        Zu Deinen Spielen speichern wir Fragen, Antworten und Antwortzeiten – für Punkte, Bestenlisten und den Schutz vor Betrug.
        Käufe werden aufbewahrt, wie es das Steuerrecht verlangt.
        Wir geben nichts an Dritte weiter und zeigen keine Werbung.
        """;

    public static string UnknownCommand(string command) =>
        $"🤔 Den Befehl <code>{Html(command)}</code> kenne ich nicht. Tippe /hilfe für alle Befehle.";

    public const string FreeText =
        "Ich reagiere auf Befehle und Schaltflächen. Tippe /start für das Menü oder /hilfe für alle Befehle.";

    public const string StaleButton = "Diese Schaltfläche ist nicht mehr gültig.";
    public const string Apology = "😕 Entschuldigung, da ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.";
    public const string Banned = "Dein Konto ist gesperrt. Wenn Du das für einen Irrtum hältst, wende Dich bitte an den Support.";
    public const string PurchaseInvalid = "Dieser Kauf ist nicht (mehr) gültig. Bitte starte ihn neu.";

    public const string ButtonQuickGame = "🎮 Schnelles Spiel";
    public const string ButtonAgain = "🔁 Nochmal";
    public const string QuotaExhausted = "Deine 5 kostenlosen Spiele für heute sind aufgebraucht. Morgen geht es weiter!";
    public const string NoQuestions = "Gerade sind keine Fragen verfügbar. Bitte versuche es später noch einmal.";
    public static readonly string[] Letters = ["A", "B", "C", "D"];

    public static string Question(int ordinal, int? total, string category, string text, IReadOnlyList<string> options, int seconds)
    {
        var header = total is { } t ? $"Frage {ordinal + 1}/{t} · {Html(category)}" : $"Frage {ordinal + 1} · {Html(category)}";
        var lines = options.Select((o, i) => $"{Letters[i]}) {Html(o)}");
        return $"{header}\n\n<b>{Html(text)}</b>\n\n{string.Join('\n', lines)}\n\n⏱ {seconds} Sekunden";
    }

    public static string Verdict(bool late, bool correct, int points, string correctLetter, string correctOption, string explanation)
    {
        var verdict = late ? $"⏱ Zeit abgelaufen. Richtig ist {correctLetter}) {Html(correctOption)}."
            : correct ? $"✅ Richtig! +{points.ToString(German)} Punkte"
            : $"❌ Leider falsch. Richtig ist {correctLetter}) {Html(correctOption)}.";
        return $"{verdict}\n💡 {Html(explanation)}";
    }

    public static string Summary(int score, int correct, int total, int bestStreak) =>
        $"""
        🏁 <b>Spiel beendet!</b>
        Punkte: <b>{score.ToString("N0", German)}</b>
        Richtige Antworten: {correct} von {total}
        Beste Serie: {bestStreak}
        """;

    public static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public const string ButtonHelp = "❓ Hilfe";
    public const string ButtonPrivacy = "🔒 Datenschutz";
    public const string ButtonMenu = "🏠 Menü";

    /// <summary>Commands as registered with <c>setMyCommands</c> (name without slash, description).</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Commands =
    [
        ("start", "Begrüßung und Hauptmenü"),
        ("spielen", "Ein schnelles Spiel mit 10 Fragen"),
        ("hilfe", "Hilfe und alle Befehle"),
        ("datenschutz", "Was wir speichern und warum"),
    ];
}
