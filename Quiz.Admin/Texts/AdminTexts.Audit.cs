using Quiz.Core.Audit;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Audit
    {
        public const string Title = "Protokoll";
        public const string Intro = "Das Prüfprotokoll: Erstattungen, Abgleiche, Turniere, Moderation und gelöschte Konten, neueste zuerst. Einträge lassen sich nicht ändern.";
        public const string Loading = "Protokoll wird geladen …";
        public const string LoadFailed = "Das Protokoll konnte nicht geladen werden.";
        public const string None = "Keine Einträge.";
        public const string NoneMatching = "Keine Einträge zu diesem Filter.";
        public const string At = "Zeit";
        public const string Actor = "Wer";
        public const string Action = "Was";
        public const string ActionCode = "Aktion (Code)";
        public const string Subject = "Betrifft";
        public const string Details = "Details";

        public const string ActorFilter = "Wer (Teil des Namens)";
        public const string ActionFilter = "Was";
        public const string AnyAction = "Alle Aktionen";
        public const string SubjectFilter = "Betrifft (z. B. player:42 oder Kurz-ID)";
        public const string FromFilter = "Von (Tag)";
        public const string UntilFilter = "Bis (Tag, einschließlich)";
        public const string Apply = "Filtern";
        public const string Reset = "Zurücksetzen";
        public const string Export = "Als CSV herunterladen";
        public static string ExportHint(int max) => $"Die CSV-Datei enthält alle Einträge zum Filter (höchstens {AdminFormat.Number(max)}), Zeiten in Berliner Zeit.";
        public const string Newer = "Neuere";
        public const string Older = "Ältere";
        public static string PageOf(int page) => $"Seite {AdminFormat.Number(page)}";
        public const string RangeInvalid = "„Von“ liegt nach „Bis“ – bitte den Zeitraum prüfen.";
        public const string AdminOnly = "Das Protokoll dürfen nur Administratoren herunterladen.";

        /// <summary>
        /// Who did it, as operators read it: an operator by their name; the entries the services write on their own carry an
        /// identifier (Core's), shown in German.
        /// </summary>
        public static string Who(string actor) => ServiceActors.FirstOrDefault(s => s.Key == actor).Name ?? actor;

        /// <summary>The Wer filter typed as the console shows a service's entries ("Hintergrunddienst") finds them by their identifier.</summary>
        public static string? ActorKey(string? typed) =>
            typed is null ? null : ServiceActors.FirstOrDefault(s => s.Name.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Key ?? typed;

        private static readonly (string Key, string Name)[] ServiceActors =
        [
            (AuditActors.Player, "Spieler selbst"),
            (AuditActors.Telegram, "Telegram"),
            (AuditActors.Detector, "Fair-Play-Prüfung"),
            (AuditActors.Worker, "Hintergrunddienst"),
            (AuditActors.Seed, "Voreinstellung"),
        ];

        /// <summary>An action this console has no label for (yet): still German, with its code.</summary>
        public static string Unknown(string action) => $"Sonstige Aktion ({action})";

        /// <summary>Every recorded action in German (a test checks each of <see cref="AuditActions.All"/> has its label).</summary>
        public static string Describe(string action) => action switch
        {
            AuditActions.RefundRequested => "Erstattung beauftragt",
            AuditActions.Refunded => "Von Telegram erstattet",
            AuditActions.RefundFailed => "Von Telegram abgelehnt",
            AuditActions.RefundRetried => "Erstattung erneut beauftragt",
            AuditActions.RefundFailureResolved => "Abgelehnte Erstattung als erledigt markiert",
            AuditActions.SupportClosed => "Support-Fall geschlossen",
            AuditActions.ReconciliationRequested => "Abgleich angestoßen",
            AuditActions.AlertResolved => "Abgleich-Hinweis erledigt",
            AuditActions.TournamentCreated => "Turnier angelegt",
            AuditActions.TournamentScheduled => "Turnier geplant",
            AuditActions.TournamentStarted => "Turnier gestartet",
            AuditActions.TournamentFinished => "Turnier beendet",
            AuditActions.TournamentRewarded => "Turnier-Belohnungen vergeben",
            AuditActions.TournamentRankingCorrected => "Turnier-Rangliste korrigiert",
            AuditActions.TournamentEdited => "Turnier bearbeitet",
            AuditActions.TournamentCancelled => "Turnier abgesagt",
            AuditActions.TournamentSeriesCreated => "Turnierserie angelegt",
            AuditActions.TournamentSeriesEdited => "Turnierserie bearbeitet",
            AuditActions.TournamentSeriesPaused => "Turnierserie pausiert",
            AuditActions.TournamentSeriesResumed => "Turnierserie fortgesetzt",
            AuditActions.PlayerDeleted => "Konto auf Wunsch des Spielers gelöscht",
            AuditActions.PlayerBanned => "Spieler gesperrt",
            AuditActions.PlayerUnbanned => "Sperre aufgehoben",
            AuditActions.PlayerRankingHeld => "Aus den Ranglisten genommen",
            AuditActions.PlayerRankingRestored => "Wieder in die Ranglisten aufgenommen",
            AuditActions.FlagRaised => "Markiert",
            AuditActions.FlagDismissed => "Markierung verworfen (Fehlalarm)",
            AuditActions.FlagConfirmed => "Markierung bestätigt",
            AuditActions.FeatureSwitched => "Schalter umgelegt",
            AuditActions.OutboxRequeued => "Unzustellbare Nachricht erneut gesendet",
            AuditActions.AuditExported => "Protokoll als CSV heruntergeladen",
            AuditActions.AnnouncementCreated => "Nachricht an Spieler entworfen",
            AuditActions.AnnouncementSent => "Nachricht an Spieler gesendet",
            AuditActions.AnnouncementCanceled => "Versand einer Nachricht an Spieler gestoppt",
            _ => Unknown(action),
        };
    }
}
