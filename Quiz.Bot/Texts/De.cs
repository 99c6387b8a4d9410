using System.Net;
using Quiz.Core.Features;

namespace Quiz.Bot.Texts;

/// <summary>
/// Every text a player sees, in German ("Du"), HTML as Telegram parses it. Player-supplied values
/// are always passed through <see cref="Html"/>.
/// </summary>
public static partial class De
{
    public static string Html(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Welcome(string firstName) =>
        $"""
        👋 <b>Hallo {Html(firstName)}, willkommen bei Quiz!</b>
        Hier beantwortest Du Fragen aus vielen Wissensgebieten – je schneller, desto mehr Punkte.
        Für jede richtige Antwort gibt es 100 Punkte und bis zu 50 Bonuspunkte fürs Tempo.
        Wähle unten, wie es weitergeht.
        """;

    /// <summary><c>/hilfe</c> with everything open; <see cref="HelpFor"/> leaves out what is paused.</summary>
    public static string Help => HelpFor(FeatureSet.Default);

    /// <summary>Echoes at most 32 characters of what was typed: a command is short, anything longer is not one.</summary>
    public static string UnknownCommand(string command) =>
        $"🤔 Den Befehl <code>{Html(command.Length <= 32 ? command : command[..31] + "…")}</code> kenne ich nicht. Tippe /hilfe für alle Befehle.";

    public const string FreeText =
        "Ich reagiere auf Befehle und Schaltflächen. Tippe /start für das Menü oder /hilfe für alle Befehle.";

    public const string StaleButton = "Diese Schaltfläche ist nicht mehr gültig.";
    public const string Apology = "😕 Entschuldigung, da ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.";
    public const string SlowDown = "🐢 Bitte etwas langsamer – so schnell komme ich nicht hinterher. In ein paar Sekunden geht es weiter.";

    /// <summary>The one notice a banned player gets (at most once a day); then the bot stays silent.</summary>
    public const string Banned =
        "🚫 Dein Konto ist wegen eines Verstoßes gegen die Spielregeln gesperrt. Spielen und Einkaufen sind nicht mehr möglich; bereits Gekauftes bleibt erhalten. "
        + "Wenn Du das für einen Irrtum hältst, schreib uns bitte über /paysupport.";
    public const string PurchaseInvalid = "Dieser Kauf ist nicht (mehr) gültig. Bitte starte ihn neu.";

    public static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public const string ButtonHelp = "❓ Hilfe";
    public const string ButtonPrivacy = "🔒 Datenschutz";
    public const string ButtonMenu = "🏠 Menü";

    public const string ButtonProfile = "👤 Profil";
    public const string ButtonBoards = "🏆 Bestenliste";

    /// <summary>Commands as registered with <c>setMyCommands</c> (name without slash, description).</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Commands =
    [
        ("start", "Begrüßung und Hauptmenü"),
        ("spielen", "Schnelles Spiel mit 10 Fragen"),
        ("tagesquiz", "Das Tagesquiz – heute für alle gleich"),
        ("duell", "Jemanden zum Duell herausfordern"),
        ("turniere", "Turniere: anmelden, mitspielen, Rangliste"),
        ("profil", "Deine Spiele, Rekorde und Serie"),
        ("bestenliste", "Bestenlisten: heute, Woche, Überleben"),
        ("shop", "Pakete und Premium mit Telegram Stars"),
        ("terms", "Verkaufsbedingungen"),
        ("paysupport", "Hilfe bei Zahlungen und Erstattungen"),
        ("hilfe", "Hilfe und alle Befehle"),
        ("datenschutz", "Was wir speichern und warum"),
        ("meinedaten", "Deine Daten als Datei"),
        ("loeschen", "Dein Konto löschen"),
    ];
}
