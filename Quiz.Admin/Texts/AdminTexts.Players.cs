using Quiz.Core.Game;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>"Spieler": the search and the player page.</summary>
    public static class Players
    {
        public const string Title = "Spieler";
        public const string Intro = "Spieler suchen und prüfen: Spiele mit Antwortzeiten, Käufe, Support-Fälle, Markierungen und Protokoll. Sperren und Ranglisten-Sperren werden mit Grund protokolliert.";

        /// <summary>A moderator's page shows no money (PRODUCT.md): no purchases, ledger or support cases.</summary>
        public const string ModeratorIntro = "Spieler suchen und prüfen: Spiele mit Antwortzeiten, Markierungen und Protokoll. Sperren und Ranglisten-Sperren werden mit Grund protokolliert.";
        public const string Search = "Telegram-ID, Spielernummer, Name oder @Benutzername";
        public const string Loading = "Spieler werden geladen …";
        public const string LoadFailed = "Die Spieler konnten gerade nicht geladen werden.";
        public const string None = "Keine Spieler gefunden.";
        public const string Shown = "angezeigt von";
        public const string MoreThan = "mehr als";
        public const string Number = "Nr.";
        public const string Name = "Name";
        public const string TelegramId = "Telegram-ID";
        public const string Registered = "Registriert";
        public const string LastSeen = "Zuletzt aktiv";
        public const string State = "Status";
        public const string Open = "Öffnen";
        public const string Banned = "Gesperrt";
        public const string Held = "Nicht in Ranglisten";
        public const string Deleted = "Gelöscht";
        public const string BlockedBot = "Hat den Bot blockiert";
        public static string FlagsOpen(int count) => AdminFormat.Count(count, "offene Markierung", "offene Markierungen");
        public const string Previous = "Zurück";
        public const string Next = "Weiter";

        public const string PageLoading = "Spieler wird geladen …";
        public const string NotFound = "Diesen Spieler gibt es nicht.";
        public const string BackToSearch = "Zur Suche";
        public const string Tombstone = "Gelöschtes Konto";
        public const string TombstoneNote = "Der Spieler hat sein Konto gelöscht. Name und Telegram-Verknüpfung sind entfernt; Käufe und Buchungen bleiben anonym erhalten.";
        public const string Language = "Sprache";
        public const string BannedSince = "Gesperrt seit";
        public const string HeldSince = "Nicht in Ranglisten seit";
        public const string ReasonPrefix = "Grund:";

        public const string Games = "Spiele";
        public const string FinishedGames = "davon beendet";
        public const string Answers = "Antworten";
        public const string Accuracy = "Trefferquote";
        public const string Points = "Punkte";

        /// <summary>A game's result, e.g. <c>1 Punkt, 1 richtig</c>.</summary>
        public static string Score(int points, int correct) => $"{AdminFormat.Count(points, "Punkt", Points)}, {AdminFormat.Number(correct)} {Correct}";
        public const string AverageAnswer = "Ø Antwortzeit";

        public const string RecentGames = "Letzte Spiele";
        public const string NoGames = "Noch keine Spiele.";
        public const string ChartTitle = "Antwortzeiten der letzten Spiele";
        public const string ChartHint = "Jeder Punkt ist eine Antwort (älteste links). Unter der Lesezeit-Linie kann niemand Frage und Antworten gelesen haben.";
        public const string AnswerTime = "Antwortzeit (s)";
        public const string ReadingTime = "Lesezeit (s)";
        public const string Started = "Gestartet";
        public const string Mode = "Modus";
        public const string Result = "Ergebnis";
        public const string Correct = "richtig";
        public const string AnswerTimes = "Antwortzeiten";
        public const string TimedOut = "Zeit abgelaufen";
        public const string TooFast = "schneller als lesbar";

        public const string Purchases = "Käufe";
        public const string NoPurchases = "Keine Käufe.";
        public const string Ledger = "Buchungen";
        public const string NoLedger = "Keine Buchungen.";
        public const string Asset = "Guthaben";
        public const string SupportCases = "Support-Fälle";
        public const string NoSupportCases = "Keine Support-Fälle.";
        public const string Flags = "Markierungen";
        public const string NoFlags = "Keine Markierungen.";
        public const string Audit = "Protokoll";
        public const string NoAudit = "Keine Einträge.";

        public static string Describe(GameMode mode) => mode switch
        {
            GameMode.Quick => "Schnelles Spiel",
            GameMode.Category => "Kategorie",
            GameMode.Survival => "Überleben",
            GameMode.Daily => "Tagesquiz",
            GameMode.Duel => "Duell",
            GameMode.Tournament => "Turnier",
            _ => mode.ToString(),
        };

        public static string Describe(SessionState state) => state switch
        {
            SessionState.Active => "läuft",
            SessionState.Paused => "pausiert",
            SessionState.Finished => "beendet",
            SessionState.Abandoned => "abgebrochen",
            _ => state.ToString(),
        };

        public static string Percent(double share) => share.ToString("P0", AdminFormat.German);
    }
}
