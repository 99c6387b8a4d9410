using Quiz.Core.Tournaments.Series;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>Recurring tournaments ("Serien") on the Turniere page and their dialog (ADR 0022).</summary>
    public static class Series
    {
        public const string Title = "Serien";
        public const string Intro = "Eine Serie plant ihre Turniere selbst: der Worker legt jeden Termin im Vorlauf als geplantes Turnier an (höchstens eins pro Serie und Tag). Änderungen gelten für Termine, die noch nicht angelegt sind.";
        public const string New = "Neue Serie";
        public const string Loading = "Serien werden geladen …";
        public const string LoadFailed = "Die Serien konnten gerade nicht geladen werden.";
        public const string Empty = "Noch keine Serien.";
        public const string Pattern = "Titelmuster";
        public const string Rhythm = "Rhythmus";
        public const string EntryFee = "Eintritt";
        public const string Questions = "Fragen";
        public const string Horizon = "Vorlauf";
        public const string Status = "Status";
        public const string Next = "Nächster Termin";
        public const string Planned = "Angelegt";
        public const string Actions = "Aktionen";
        public const string Running = "Aktiv";
        public const string PausedState = "Pausiert";
        public const string Edit = "Bearbeiten";
        public const string Pause = "Pausieren";
        public const string Resume = "Fortsetzen";
        public const string NotYetPlanned = "wird angelegt";
        public const string NoNext = "–";
        public const string AdminOnly = "Nur Administratoren dürfen Serien ändern.";
        public const string PausedDone = "Serie pausiert; bereits angelegte Turniere bleiben bestehen:";
        public const string ResumedDone = "Serie fortgesetzt:";
        public const string NoChange = "Die Serie war schon in diesem Zustand; nichts wurde geändert.";

        public const string EditorNew = "Neue Serie";
        public const string EditorEdit = "Serie bearbeiten";
        public const string PatternHint = "Platzhalter: {datum} → 13.12.2026, {nr} → laufende Nummer, {wochentag} → Sonntag, {uhrzeit} → 20:00";
        public const string Weekdays = "Wochentage";
        public const string StartTime = "Beginn (Uhrzeit)";
        public const string TimeHint = "Berliner Zeit";
        public const string Duration = "Dauer (Minuten)";
        public const string HorizonDays = "Vorlauf (Tage)";
        public const string HorizonHint = "So viele Tage im Voraus legt der Worker die Turniere an.";
        public const string Preview = "Nächster Termin:";
        public const string TimeMissing = "Die Uhrzeit fehlt.";
        public const string Invalid = "Die Serie ist so nicht gültig:";
        public const string Create = "Serie anlegen";
        public const string Created = "Serie angelegt:";
        public const string Save = "Speichern";
        public const string Saved = "Serie gespeichert:";
        public const string Cancel = "Abbrechen";

        /// <summary>"So 20:00 · 60 min" — the Berlin start time of each weekday and the length.</summary>
        public static string Describe(SeriesRow row) =>
            $"{string.Join(", ", row.Weekdays.Select(ShortDay))} {row.StartTime.ToString("HH:mm", AdminFormat.German)} · {AdminFormat.Number(row.DurationMinutes)} min";

        public static string Days(int days) => AdminFormat.Count(days, "Tag", "Tage");

        public static string ShortDay(DayOfWeek day) => AdminFormat.German.DateTimeFormat.GetAbbreviatedDayName(day);

        public static string LongDay(DayOfWeek day) => AdminFormat.German.DateTimeFormat.GetDayName(day);
    }
}
