namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The Übersicht's charts over the last 30 Berlin days.</summary>
    public static class Charts
    {
        public const string Heading = "Die letzten 30 Tage";
        public const string Loading = "Diagramme werden geladen …";
        public const string LoadFailed = "Die Diagramme konnten gerade nicht geladen werden.";
        public const string Empty = "Noch keine Tageszahlen: Der Worker berechnet sie alle 5 Minuten (Berliner Tage). Bitte später noch einmal schauen.";
        public static string ComputedAt(string moment) => $"Berliner Tage, berechnet vom Worker, Stand {moment}. Heute zählt bis zu diesem Zeitpunkt.";
        public const string NoData = "Keine Daten in diesem Zeitraum.";
        public const string ShowValues = "Werte als Tabelle";
        public const string Day = "Tag";
        public const string Open = "offen";

        public const string Players = "Spieler pro Tag";
        public const string PlayersHint = "Aktiv: mindestens eine Antwort an dem Tag. Neu: Konto an dem Tag angelegt.";
        public const string ActivePlayers = "Aktive Spieler";
        public const string NewPlayers = "Neue Spieler";

        public const string Retention = "7-Tage-Bindung neuer Spieler";
        public const string RetentionHint = "Anteil der neuen Spieler eines Tages, die in den 7 Tagen danach wieder gespielt haben (in %). Die letzten 7 Tage sind noch offen.";
        public const string Retained = "Wiedergekommen";

        public const string Games = "Spiele pro Modus";
        public const string GamesHint = "Begonnene Spiele je Tag, gestapelt nach Spielmodus.";

        public const string Answers = "Antworten pro Tag";
        public const string AnswersHint = "Alle Antworten des Tages; eine abgelaufene Zeit zählt als falsche Antwort.";
        public const string AnswersSeries = "Antworten";
        public const string Accuracy = "Trefferquote";
        public const string AccuracyHint = "Anteil richtiger Antworten in %.";
        public const string AccuracySeries = "Richtig (%)";

        public const string Revenue = "Stars-Umsatz pro Tag";
        public const string RevenueHint = "Brutto: bezahlte Stars des Tages. Erstattet: am Tag zurückgegebene Stars. Netto: Brutto minus Erstattet.";
        public const string Gross = "Brutto";
        public const string Refunded = "Erstattet";
        public const string Net = "Netto";

        public const string Premium = "Aktive Premium-Abos";
        public const string PremiumHint = "Spieler mit laufendem Premium-Abo am Ende des Tages (heute: jetzt).";
        public const string PremiumSeries = "Premium-Abos";

        public const string Entrants = "Turnier-Teilnehmer pro Tag";
        public const string EntrantsHint = "Anmeldungen zu Turnieren an dem Tag.";
        public const string EntrantsSeries = "Anmeldungen";
    }
}
