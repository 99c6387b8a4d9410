using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Messaging;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Shop
    {
        public const string Title = "Shop";
        public const string Intro = "Pakete, die Spieler mit Telegram-Sternen kaufen. Offene Rechnungen behalten ihren Preis; Änderungen gelten für neue Käufe.";
        public const string New = "Neues Paket";
        public const string Id = "ID";
        public const string PackageTitle = "Titel";
        public const string Description = "Beschreibung";
        public const string Price = "Preis (Sterne)";
        public const string Contents = "Inhalt";
        public const string Games = "Spiele";
        public const string ExtraLives = "Extra-Leben";
        public const string Jokers = "Joker";
        public const string Tickets = "Turnier-Tickets";
        public const string PremiumDays = "Premium-Tage";
        public const string Subscription = "Abo (verlängert sich alle 30 Tage)";
        public const string SubscriptionShort = "Abo";
        public const string Active = "Aktiv";
        public const string Inactive = "Inaktiv";
        public const string SortOrder = "Reihenfolge";
        public const string Actions = "Aktionen";
        public const string Edit = "Bearbeiten";
        public const string Activate = "Aktivieren";
        public const string Deactivate = "Deaktivieren";
        public const string Activated = "Paket aktiviert";
        public const string Deactivated = "Paket deaktiviert";
        public const string Unchanged = "Das Paket hatte diesen Zustand schon.";
        public const string NotFound = "Dieses Paket gibt es nicht.";
        public const string Loading = "Pakete werden geladen …";
        public const string LoadFailed = "Die Pakete konnten gerade nicht geladen werden.";
        public const string Empty = "Noch keine Pakete.";
        public const string EditorNew = "Neues Paket";
        public const string EditorEdit = "Paket bearbeiten";
        public const string IdHint = "Kleinbuchstaben, Ziffern, Bindestriche; später nicht mehr änderbar.";
        public const string Invalid = "Bitte korrigieren:";
        public const string Saved = "Paket gespeichert";
        public const string Save = "Speichern";
        public const string Cancel = "Abbrechen";
        public const string Reload = "Neu laden";

        public static string Describe(Contents c) => string.Join(", ", new[]
        {
            c.Games > 0 ? AdminFormat.Count(c.Games, "Spiel", Games) : null,
            c.ExtraLives > 0 ? AdminFormat.Count(c.ExtraLives, ExtraLives, ExtraLives) : null,
            c.Jokers > 0 ? AdminFormat.Count(c.Jokers, Jokers, Jokers) : null,
            c.TournamentTickets > 0 ? AdminFormat.Count(c.TournamentTickets, "Turnier-Ticket", Tickets) : null,
            c.PremiumDays > 0 ? AdminFormat.Count(c.PremiumDays, "Premium-Tag", PremiumDays) : null,
        }.OfType<string>());
    }

    public static class Purchases
    {
        public const string Title = "Käufe";
        public const string Intro = "Zahlungen mit Telegram-Sternen. „Auffällig“ heißt: Die Zahlung passte nicht zu ihrer Rechnung, es wurde nichts gutgeschrieben – meist ein Fall zum Erstatten.";
        public const string Search = "Spieler (Telegram-ID, Name, @Benutzername) oder Charge-ID";
        public const string Status = "Status";
        public const string All = "Alle";
        public const string When = "Zeitpunkt";
        public const string Player = "Spieler";
        public const string Package = "Paket";
        public const string Amount = "Sterne";
        public const string Charge = "Charge-ID";
        public const string Details = "Details";
        public const string Loading = "Käufe werden geladen …";
        public const string LoadFailed = "Die Käufe konnten gerade nicht geladen werden.";
        public const string None = "Keine Käufe gefunden.";
        public const string Shown = "angezeigt von";
        public static string FlaggedAlert(int count) => count == 1
            ? "1 auffällige Zahlung wartet auf eine Entscheidung."
            : $"{AdminFormat.Number(count)} auffällige Zahlungen warten auf eine Entscheidung.";
        public const string ShowFlagged = "Anzeigen";
        public const string Recurring = "Abo-Verlängerung";
        public const string FlagReason = "Grund der Auffälligkeit";
        public const string Ledger = "Buchungen dieses Kaufs";
        public const string NoLedger = "Keine Buchungen (nichts gutgeschrieben).";
        public const string History = "Protokoll";

        /// <summary>An audit entry's action as operators read it.</summary>
        public static string DescribeAction(string action) => Audit.Describe(action);
        public const string Delta = "Änderung";
        public const string Reason = "Art";
        public const string Refund = "Erstattung";
        public const string RefundReason = "Grund der Erstattung (Pflicht)";
        public const string RefundButton = "Erstatten";
        public const string RefundReasonMissing = "Bitte einen Grund angeben (höchstens 500 Zeichen).";
        public const string RefundRequested = "Erstattung beauftragt; der Bot führt sie aus.";
        public const string AlreadyRequested = "Eine Erstattung ist schon unterwegs.";
        public const string AlreadyRefunded = "Dieser Kauf ist schon erstattet.";
        public const string Refused = "Die Datenbank hat die Erstattung abgelehnt (bei auffälligen Zahlungen derzeit bekannt). Es wurde nichts geändert; bitte das Entwicklungsteam informieren.";
        public const string AdminOnly = "Erstatten dürfen nur Administratoren.";
        public const string NotFound = "Diesen Kauf gibt es nicht.";
        public const string RequestedBy = "beauftragt von";
        public const string Attempts = "Versuche";
        public const string LastError = "Letzter Fehler";
        public static string FailedAlert(int count) => count == 1
            ? "Telegram hat 1 Erstattung abgelehnt; der Spieler hat seine Sterne nicht zurück."
            : $"Telegram hat {AdminFormat.Number(count)} Erstattungen abgelehnt; die Spieler haben ihre Sterne nicht zurück.";
        public const string ShowFailed = "Anzeigen";
        public const string RefusedByTelegram = "Telegram hat die Erstattung abgelehnt";
        public const string FailureResolvedBy = "Als erledigt markiert von";
        public const string RetryReason = "Warum erneut erstatten oder als erledigt markieren? (Pflicht)";
        public const string RetryButton = "Erneut erstatten";
        public const string ResolveButton = "Als erledigt markieren";
        public const string Retried = "Erstattung erneut beauftragt; der Bot führt sie aus.";
        public const string Resolved = "Die abgelehnte Erstattung ist als erledigt markiert.";
        public const string NotFailed = "Diese Erstattung ist nicht (mehr) abgelehnt; es wurde nichts geändert.";
        public const string FailedBefore = "Telegram hat die letzte Erstattung abgelehnt; bitte „Erneut erstatten“ nutzen.";
        public const string AttemptNumber = "Versuch";

        public static string Describe(PurchaseStatus status) => status switch
        {
            PurchaseStatus.Completed => "Abgeschlossen",
            PurchaseStatus.Flagged => "Auffällig",
            PurchaseStatus.RefundRequested => "Erstattung beauftragt",
            PurchaseStatus.Refunded => "Erstattet",
            PurchaseStatus.RefundFailed => "Erstattung abgelehnt",
            _ => status.ToString(),
        };

        public static string Describe(RefundStage stage) => stage switch
        {
            RefundStage.None => "Keine Erstattung",
            RefundStage.Pending => "Beauftragt – wartet auf den Bot",
            RefundStage.Sent => "An Telegram gesendet – wartet auf Bestätigung",
            RefundStage.Failed => "Von Telegram abgelehnt",
            RefundStage.Refunded => "Erstattet",
            _ => stage.ToString(),
        };

        public static string Describe(OutboxState state) => state switch
        {
            OutboxState.Pending => "ausstehend",
            OutboxState.Sent => "gesendet",
            OutboxState.Failed => "fehlgeschlagen",
            OutboxState.Dead => "endgültig fehlgeschlagen",
            _ => state.ToString(),
        };

        public static string Describe(AssetKind kind) => kind switch
        {
            AssetKind.GameCredit => Shop.Games,
            AssetKind.ExtraLife => Shop.ExtraLives,
            AssetKind.Joker => Shop.Jokers,
            AssetKind.TournamentTicket => Shop.Tickets,
            AssetKind.Premium => Shop.PremiumDays,
            _ => kind.ToString(),
        };

        public static string Describe(LedgerReason reason) => reason switch
        {
            LedgerReason.Purchase => "Kauf",
            LedgerReason.Consumption => "Verbrauch",
            LedgerReason.Refund => "Erstattung",
            LedgerReason.Reward => "Belohnung",
            LedgerReason.Adjustment => "Korrektur",
            LedgerReason.Returned => "Rückgabe",
            _ => reason.ToString(),
        };
    }
}
