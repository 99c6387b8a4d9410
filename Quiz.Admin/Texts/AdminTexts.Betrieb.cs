using Quiz.Admin.Operations;
using Quiz.Core.Messaging;
using Quiz.Core.Operations.Machinery;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The Betrieb page: readiness, outbox, dead letters, webhook, jobs and send budget.</summary>
    public static class Betrieb
    {
        public const string Title = "Betrieb";
        public const string Intro = "Was die Maschine gerade tut: ob Bot, Worker und Konsole bereit sind, was in der Ausgangswarteschlange wartet, was nicht zugestellt werden konnte, wie Telegram den Webhook sieht, wann die geplanten Aufgaben laufen und wie weit das Sendebudget ausgeschöpft ist.";
        public const string Loading = "Wird geladen …";
        public const string LoadFailed = "Ein Teil der Seite konnte nicht geladen werden (Datenbank oder Redis nicht erreichbar). Gezeigt wird der letzte Stand.";
        public const string Reload = "Neu laden";

        public const string ReadinessTitle = "Dienste";
        public static string Service(string service) => service switch
        {
            ServiceReadiness.Bot => "Bot",
            ServiceReadiness.Worker => "Worker",
            ServiceReadiness.Admin => "Konsole",
            _ => service,
        };
        public static string Readiness(ReadinessRow row) => row.State switch
        {
            ReadinessState.Ready => "bereit",
            ReadinessState.NotReady => row.Detail is { Length: > 0 } detail ? $"nicht bereit ({detail})" : "nicht bereit",
            _ => "nicht erreichbar",
        };

        public const string BacklogTitle = "Ausgangswarteschlange";
        public const string BacklogEmpty = "Nichts wartet: alle Nachrichten sind verschickt.";
        public const string Kind = "Art";
        public const string Lane = "Spur";
        public const string Pending = "Wartend";
        public const string OldestAge = "Älteste wartet seit";
        public static string BacklogTotal(int pending, int chats) =>
            $"{AdminFormat.Count(pending, "Nachricht wartet", "Nachrichten warten")} in {AdminFormat.Count(chats, "Chat", "Chats")}.";
        public static string DescribeLane(OutboxLane lane) => lane switch
        {
            OutboxLane.Interactive => "Antworten",
            OutboxLane.Payment => "Zahlungen",
            _ => "Massenversand",
        };
        public static string DescribeKind(string kind) => kind switch
        {
            OutboxKinds.SendMessage => "Nachricht",
            OutboxKinds.EditMessage => "Nachricht ändern",
            OutboxKinds.DeleteMessage => "Nachricht löschen",
            OutboxKinds.SendInvoice => "Rechnung",
            OutboxKinds.Notice => "Benachrichtigung",
            OutboxKinds.RefundStarPayment => "Erstattung",
            OutboxKinds.ReconcileStarTransactions => "Abgleichsschritt",
            OutboxKinds.CancelStarSubscription => "Abo beenden",
            OutboxKinds.GetWebhookInfo => "Webhook-Abfrage",
            OutboxKinds.Announcement => "Nachricht an Spieler",
            _ => kind,
        };
        public static string Age(TimeSpan age) => age.TotalSeconds < 60 ? $"{Math.Max(0, (int)age.TotalSeconds)} s"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes} min"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours} h {age.Minutes} min"
            : $"{(int)age.TotalDays} Tagen";

        public const string DeadTitle = "Unzustellbar (die letzten 50)";
        public const string DeadEmpty = "Keine unzustellbaren Nachrichten.";
        public const string Chat = "Chat";
        public const string Error = "Fehler";
        public const string DeadAt = "Aufgegeben";
        public const string Requeue = "Erneut senden";
        public const string Requeued = "Erneut in die Warteschlange gestellt.";
        public const string AlreadyRequeued = "Diese Nachricht wurde schon erneut gesendet; es wurde keine zweite Kopie angelegt.";
        public const string NotRequeueable = "Diese Nachricht kann hier nicht erneut gesendet werden (Zahlungsbefehle unter „Käufe“ oder „Abgleich“ wiederholen).";
        public static string RequeuedAs(long id) => $"erneut gesendet (Nr. {id})";
        public const string NotRequeueableShort = "nicht hier";
        public const string NoChat = "–";
        public const string NeedsAdmin = "Nur Administratoren dürfen Nachrichten erneut senden.";
        public const string Select = "Auswählen";
        public const string SelectAll = "Alle auswählen";
        public static string RequeueSelected(int count) => $"Ausgewählte erneut senden ({count})";
        public static string RequeuedSelected(int written, int selected) => written == selected
            ? $"{written} von {selected} Nachrichten erneut in die Warteschlange gestellt."
            : $"{written} von {selected} Nachrichten erneut in die Warteschlange gestellt; die übrigen waren schon erneut gesendet oder sind hier nicht sendbar.";

        public const string WebhookTitle = "Webhook bei Telegram";
        public const string Refresh = "Aktualisieren";
        public const string WebhookNever = "Noch nicht abgefragt. „Aktualisieren“ bittet den Bot, Telegram zu fragen.";
        public const string WebhookRequested = "Angefragt; der Bot fragt Telegram und legt die Antwort hier ab.";
        public const string WebhookAlreadyRequested = "Eine Abfrage wartet schon auf den Bot.";
        public static string WebhookWaiting(DateTimeOffset at) => $"Abfrage vom {AdminFormat.Moment(at)} wartet auf den Bot …";
        public static string WebhookFailed(string reason) => $"Die letzte Abfrage ist gescheitert: {reason}";
        public static string FetchedAt(DateTimeOffset at) => $"Abgefragt am {AdminFormat.Moment(at)}";
        public const string WebhookUrl = "Adresse";
        public const string WebhookNone = "kein Webhook gesetzt (Abfragebetrieb)";
        public const string PendingUpdates = "Wartende Updates";
        public const string MaxConnections = "Höchstzahl Verbindungen";
        public const string LastError = "Letzter Fehler";
        public const string NoError = "keiner";
        public static string ErrorAt(WebhookInfoSnapshot info) =>
            info.LastErrorDate is { } at ? $"{AdminFormat.Moment(at)}: {info.LastErrorMessage}" : NoError;

        public const string JobsTitle = "Geplante Aufgaben";
        public const string JobsEmpty = "Keine Aufgaben eingetragen (läuft der Worker?).";
        public const string Job = "Aufgabe";
        public const string NextFire = "Nächster Lauf";
        public const string PreviousFire = "Letzter Lauf";
        public const string State = "Zustand";
        public static string JobState(SchedulerJobRow job) => job switch
        {
            { Failed: true } => "Fehler",
            { Paused: true } => "angehalten",
            { State: "EXECUTING" or "BLOCKED" } => "läuft",
            { State: "COMPLETE" } => "beendet",
            _ => "geplant",
        };
        public static string When(DateTimeOffset? at) => at is { } value ? AdminFormat.Moment(value) : "–";

        public const string BudgetTitle = "Sendebudget";
        public const string BudgetUnavailable = "Das Sendebudget ist nicht lesbar (Redis nicht erreichbar).";
        public static string BudgetGlobal(SendBudgetRow b) =>
            $"Gesamt: {b.GlobalTokens.ToString("N1", AdminFormat.German)} von {b.GlobalBurst.ToString("N0", AdminFormat.German)} Nachrichten sofort frei (Nachschub {b.GlobalRate.ToString("N0", AdminFormat.German)}/s).";
        public static string BudgetChats(SendBudgetRow b) =>
            $"{AdminFormat.Count(b.ChatsWaiting, "Chat wartet", "Chats warten")} auf das eigene Kontingent; {AdminFormat.Count(b.ChatsKnown, "Chat", "Chats")} in den letzten 10 Minuten{(b.Truncated ? " (nur ein Teil gezählt)" : "")}.";
    }
}
