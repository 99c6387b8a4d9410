namespace Quiz.Admin.Texts;

/// <summary>Every German text of the console in one place, so wording stays consistent and reviewable.</summary>
public static partial class AdminTexts
{
    public const string AppTitle = "Quiz · Konsole";

    public static class Navigation
    {
        public const string Overview = "Übersicht";
        public const string Questions = "Fragen";
        public const string Reports = "Meldungen";
        public const string Shop = "Shop";
        public const string Purchases = "Käufe";
        public const string Support = "Support";
        public const string Players = "Spieler";
        public const string Flags = "Markiert";
        public const string Reconciliation = "Abgleich";
        public const string Tournaments = "Turniere";
        public const string Audit = "Protokoll";
        public const string Machinery = "Betrieb";
        public const string Menu = "Menü";
        public const string SignOut = "Abmelden";
    }

    public static class Roles
    {
        public const string Admin = "Administrator";
        public const string Moderator = "Moderator";
        public const string None = "ohne Rolle";
    }

    public static class Overview
    {
        public const string Title = "Übersicht";
        public const string Players = "Spieler";
        public const string GamesToday = "Spiele heute";
        public const string AnswersToday = "Antworten heute";
        public const string ActiveGames = "Laufende Spiele";
        public const string DayPrefix = "Stand für";
        public const string DaySuffix = "(Berliner Zeit), aktualisiert alle 10 Sekunden";
        public const string Loading = "Zahlen werden geladen …";
        public const string LoadFailed = "Die Zahlen konnten gerade nicht geladen werden. Neuer Versuch in 10 Sekunden.";
        public static string FailedRefunds(int count) =>
            $"Telegram hat {AdminFormat.Count(count, "Erstattung", "Erstattungen")} abgelehnt – bitte unter „Käufe“ erneut erstatten oder als erledigt markieren.";
        public const string ShowFailedRefunds = "Zu den Käufen";
        public const string OpenFlags = "Markiert, offen";
        public const string ShowFlags = "Zur Prüfung";
        public const string OpenReports = "Meldungen, offen";
        public const string ShowReports = "Zu den Meldungen";
        public const string OpenSupportCases = "Support-Fälle, offen";
        public const string ShowSupport = "Zum Support";
    }

    public static class AccessDenied
    {
        public const string Title = "Kein Zugriff";
        public const string NoRole =
            "Dein Konto ist angemeldet, hat aber keine Rolle für die Konsole (Administrator oder Moderator). "
            + "Bitte wende dich an einen Administrator.";
        public const string AdminOnly =
            "Diese Seite braucht die Rolle Administrator; dein Konto hat die Rolle Moderator. "
            + "Wenn du hier arbeiten musst, wende dich bitte an einen Administrator.";
        public const string SignInFailed = "Die Anmeldung ist fehlgeschlagen oder wurde abgebrochen.";
        public const string SignedInAs = "Angemeldet als";
        public const string OtherAccount = "Mit anderem Konto anmelden";
        public const string Retry = "Erneut anmelden";
    }

    public static class LocalLogin
    {
        public const string Title = "Lokale Anmeldung";
        public const string Explanation =
            "Dieser Zugang ist nur für lokale Entwicklungsläufe ohne Identitätsanbieter gedacht. "
            + "Den Zugangsschlüssel findest du im Aspire-Dashboard beim Parameter „admin-local-key“.";
        public const string KeyLabel = "Zugangsschlüssel";
        public const string Submit = "Anmelden";
        public const string WrongKey = "Der Zugangsschlüssel ist falsch.";
        public const string OnlyLocal =
            "Die lokale Anmeldung ist nur im Development-Modus und nur von diesem Rechner aus (Loopback) möglich.";
        public const string TooManyAttempts = "Zu viele Versuche. Bitte warte eine Minute.";
        public const string OperatorName = "Lokaler Operator";
    }

    public static class NotFound
    {
        public const string Title = "Seite nicht gefunden";
        public const string Text = "Diese Seite gibt es nicht.";
        public const string Back = "Zur Übersicht";
    }

    public static class Api
    {
        public const string AddressRefused = "Adresse nicht freigegeben";
        public const string AddressRefusedDetail = "Die Admin-API nimmt von dieser Adresse keine Anfragen an.";
        public const string TokenMissing = "Anmeldung erforderlich";
        public const string TokenMissingDetail = "Ein gültiges Bearer-Token wird benötigt.";
        public const string UnknownRoute = "Unbekannter Endpunkt";
    }
}
