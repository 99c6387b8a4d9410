using Quiz.Core.Tournaments;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Tournaments
    {
        public const string Title = "Turniere";
        public const string Intro = "Die Uhr im Worker startet, beendet und belohnt geplante Turniere zu den eingetragenen Zeiten (Berliner Zeit). Die Knöpfe hier sind für „jetzt“.";
        public const string New = "Neues Turnier";
        public const string Loading = "Turniere werden geladen …";
        public const string LoadFailed = "Die Turniere konnten gerade nicht geladen werden.";
        public const string Empty = "Noch keine Turniere.";
        public const string TournamentTitle = "Titel";
        public const string Status = "Status";
        public const string StartsAt = "Beginn";
        public const string EndsAt = "Ende";
        public const string EntryFee = "Eintritt";
        public const string Questions = "Fragen";
        public const string Entrants = "Teilnehmer";
        public const string Ranked = "Gewertet";
        public const string Actions = "Aktionen";
        public const string Schedule = "Planen";
        public const string StartNow = "Jetzt starten";
        public const string FinishNow = "Jetzt beenden";
        public const string IssueRewards = "Belohnungen vergeben";
        public const string Standings = "Rangliste";
        public const string ShortIdHint = "Kurz-ID (Ende der Turnier-ID)";

        /// <summary>A tournament named so that two of the same title differ: title, Berlin start time and short id.</summary>
        public static string Label(string title, DateTimeOffset startsAt, Guid id) =>
            $"{title} ({AdminFormat.Moment(startsAt)}, {AdminFormat.ShortId(id)})";
        public const string Cancel = "Abbrechen";
        public const string ScheduleQuestion = "Nach dem Planen sehen alle Spieler das Turnier unter /turniere und können beitreten; die Uhr startet es zur eingetragenen Zeit. Titel und Zeiten stimmen?";
        public const string StartQuestion = "Das Turnier startet sofort statt zur geplanten Zeit; alle Teilnehmer werden benachrichtigt.";
        public const string FinishQuestion = "Das Turnier endet sofort; offene Versuche enden mit dem bisher Beantworteten und die Rangliste wird festgeschrieben.";
        public const string Scheduled = "Turnier geplant; Spieler können jetzt beitreten:";
        public const string Started = "Turnier gestartet:";
        public const string Finished = "Turnier beendet, Rangliste festgeschrieben:";
        public const string Rewarded = "Belohnungen vergeben:";
        public const string NoChange = "Das Turnier ist nicht mehr in dem Zustand für diesen Schritt (vielleicht war die Uhr schneller); nichts wurde geändert.";
        public const string NotFound = "Dieses Turnier gibt es nicht.";
        public const string NoQuestions = "Keine aktiven Fragen vorhanden – das Turnier kann nicht starten. Bitte zuerst Fragen freigeben.";
        public const string AdminOnly = "Nur Administratoren dürfen Turniere ändern.";
        public const string Invalid = "Das Turnier ist so nicht gültig:";

        public const string EditorNew = "Neues Turnier";
        public const string StartDate = "Beginn (Datum)";
        public const string StartTime = "Beginn (Uhrzeit)";
        public const string EndDate = "Ende (Datum)";
        public const string EndTime = "Ende (Uhrzeit)";
        public const string TimeHint = "Berliner Zeit";
        public const string QuestionCount = "Anzahl Fragen";
        public const string Create = "Als Entwurf anlegen";
        public const string Created = "Turnier als Entwurf angelegt:";
        public const string EditorEdit = "Turnier bearbeiten";
        public const string Save = "Speichern";
        public const string Saved = "Turnier gespeichert:";
        public const string Edit = "Bearbeiten";
        public const string CancelTournament = "Absagen";
        public const string CancelQuestion = "Das Turnier wird abgesagt: niemand kann mehr beitreten oder spielen, es gibt keine Belohnungen. Wer mit einem Turnier-Ticket beigetreten ist, bekommt es zurück, und alle Teilnehmer werden benachrichtigt. Das lässt sich nicht rückgängig machen.";
        public const string Cancelled = "Turnier abgesagt, Tickets zurückgegeben, Teilnehmer benachrichtigt:";
        public const string Keep = "Nicht absagen";
        public const string DateMissing = "Beginn und Ende brauchen Datum und Uhrzeit.";

        public const string StandingsTitle = "Rangliste";
        public const string Live = "Vorläufig – das Turnier läuft noch.";
        public const string Final = "Endstand.";
        public static string RankedCount(int count) => AdminFormat.Count(count, "gewerteter Spieler", "gewertete Spieler");
        public const string StandingsEmpty = "Noch niemand hat eine Frage beantwortet.";
        public const string Rank = "Platz";
        public const string Player = "Spieler";
        public const string Points = "Punkte";
        public const string Correct = "Richtig";
        public const string AnswerTime = "Antwortzeit";
        public const string Reward = "Belohnung";
        public const string NoReward = "–";
        public const string Close = "Schließen";

        public static string Describe(TournamentState state) => state switch
        {
            TournamentState.Draft => "Entwurf",
            TournamentState.Scheduled => "Geplant",
            TournamentState.Active => "Läuft",
            TournamentState.Finished => "Beendet",
            TournamentState.Rewarded => "Belohnt",
            TournamentState.Cancelled => "Abgesagt",
            _ => state.ToString(),
        };

        public static string Describe(TournamentEntryFee fee) => fee switch
        {
            TournamentEntryFee.Free => "kostenlos",
            TournamentEntryFee.Ticket => "Turnier-Ticket",
            _ => fee.ToString(),
        };
    }
}
