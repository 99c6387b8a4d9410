using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Support
    {
        public const string Title = "Support";
        public const string AdminOnly = "Support-Fälle schließen dürfen nur Administratoren.";
        public const string Intro = "Zahlungsprobleme, die Spieler mit /paysupport gemeldet haben, mit ihren Käufen. Beim Schließen bekommt der Spieler eine Nachricht, auf Wunsch mit deiner Antwort.";
        public const string Search = "Spieler (Telegram-ID, Name, @Benutzername) oder Fallnummer (#17)";
        public const string View = "Fälle";
        public const string Number = "Fall";
        public const string Submitted = "Eingegangen";
        public const string Player = "Spieler";
        public const string Text = "Anliegen";
        public const string Status = "Status";
        public const string Details = "Details";
        public const string HideDetails = "Ausblenden";
        public const string Close = "Schließen";
        public const string Purchases = "Käufe dieses Spielers";
        public const string NoPurchases = "Dieser Spieler hat nichts gekauft.";
        public const string ClosedBy = "Geschlossen von";
        public const string Reply = "Antwort an den Spieler";
        public const string NoReply = "(ohne Antwort)";
        public const string Loading = "Fälle werden geladen …";
        public const string LoadFailed = "Die Fälle konnten gerade nicht geladen werden.";
        public const string None = "Keine Fälle gefunden.";
        public const string Shown = "angezeigt von";
        public static string OpenAlert(int count) => count == 1
            ? "1 offener Fall wartet auf eine Antwort."
            : $"{AdminFormat.Number(count)} offene Fälle warten auf eine Antwort.";
        public const string ShowInPurchases = "In Käufe öffnen";
        public const string DialogTitle = "Fall schließen";
        public const string ReplyLabel = "Antwort an den Spieler (optional)";
        public const string ReplyHint = "Wird dem Spieler mit der Nachricht „Dein Fall wurde geschlossen“ geschickt.";
        public const string Cancel = "Abbrechen";
        public const string Closed = "Fall geschlossen; der Spieler wird benachrichtigt.";
        public const string AlreadyClosed = "Dieser Fall war schon geschlossen. Es wurde nichts geändert.";
        public const string NotFound = "Diesen Fall gibt es nicht.";

        public static string Describe(SupportCaseView view) => view switch
        {
            SupportCaseView.Open => "Offen",
            SupportCaseView.Closed => "Geschlossen",
            _ => "Alle",
        };

        public static string Describe(SupportCaseStatus status) => status switch
        {
            SupportCaseStatus.Open => "Offen",
            SupportCaseStatus.Closed => "Geschlossen",
            SupportCaseStatus.Draft => "Entwurf",
            _ => status.ToString(),
        };
    }
}
