using Quiz.Core.Economy.Reconciliation;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Reconciliation
    {
        public const string Title = "Abgleich";
        public const string Intro = "Vergleicht die Stern-Transaktionen bei Telegram mit den gebuchten Käufen (täglich automatisch), in Schritten ab dem letzten Abgleichstand. Jede Abweichung bleibt offen, bis jemand sie mit einer Notiz erledigt.";
        public const string CursorAt = "Abgeglichen bis Transaktion {0} (die letzte vom {1}); der nächste Abgleich liest ab dort.";
        public const string CursorNone = "Noch nichts abgeglichen: der nächste Abgleich liest die Telegram-Liste von Anfang an.";
        public const string Progress = "Schritt {0}, bis Transaktion {1}";
        public const string RunNow = "Jetzt abgleichen";
        public const string Started = "Abgleich angefordert; der Bot holt die Transaktionen bei Telegram.";
        public const string AlreadyWaiting = "Ein Abgleich läuft schon (angefordert von {0} um {1}). Es wurde kein zweiter angefordert.";
        public static string OpenAlert(int count) => count == 1
            ? "1 offene Abweichung zwischen Telegram und den Käufen wartet auf Klärung."
            : $"{AdminFormat.Number(count)} offene Abweichungen zwischen Telegram und den Käufen warten auf Klärung.";
        public const string OpenTitle = "Offene Abweichungen";
        public const string NoOpen = "Keine offenen Abweichungen.";
        public const string RunsTitle = "Letzte Abgleiche";
        public const string NoRuns = "Noch kein Abgleich.";
        public const string ResolvedTitle = "Erledigte Abweichungen (die letzten 50)";
        public const string NoResolved = "Noch nichts erledigt.";
        public const string Kind = "Art";
        public const string Charge = "Charge-ID";
        public const string Player = "Spieler";
        public const string UnknownPlayer = "unbekannt";
        public const string Amounts = "Sterne Telegram / gebucht";
        public const string Found = "Gefunden";
        public const string Resolve = "Erledigen";
        public const string ResolvedAt = "Erledigt";
        public const string ResolvedBy = "von";
        public const string Note = "Notiz";
        public const string RequestedAt = "Angefordert";
        public const string RequestedBy = "von";
        public const string Status = "Status";
        public const string Transactions = "Transaktionen";
        public const string Differences = "Abweichungen";
        public const string Error = "Fehler";
        public const string Daily = "täglich";
        public const string Loading = "Abgleich wird geladen …";
        public const string LoadFailed = "Der Abgleich konnte gerade nicht geladen werden.";
        public const string DialogTitle = "Abweichung erledigen";
        public const string NoteLabel = "Notiz (Pflicht): Was wurde geprüft oder getan?";
        public const string Cancel = "Abbrechen";
        public const string Resolved = "Abweichung erledigt.";
        public const string AlreadyResolved = "Diese Abweichung war schon erledigt. Es wurde nichts geändert.";
        public const string NotFound = "Diese Abweichung gibt es nicht.";

        public static string Describe(DifferenceKind kind) => kind switch
        {
            DifferenceKind.PaymentWithoutPurchase => "Zahlung ohne Kauf",
            DifferenceKind.PurchaseWithoutPayment => "Kauf ohne Zahlung",
            DifferenceKind.AmountMismatch => "Betrag weicht ab",
            DifferenceKind.RefundNotRecorded => "Erstattung nicht verbucht",
            DifferenceKind.RefundMissingAtTelegram => "Erstattung fehlt bei Telegram",
            _ => kind.ToString(),
        };

        public static string Describe(ReconciliationStatus status) => status switch
        {
            ReconciliationStatus.Requested => "Läuft",
            ReconciliationStatus.Completed => "Abgeschlossen",
            ReconciliationStatus.Failed => "Fehlgeschlagen",
            _ => status.ToString(),
        };
    }
}
