using Quiz.Core.Questions;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Questions
    {
        public const string Title = "Fragen";
        public const string Search = "Suche (Text oder ID)";
        public const string Category = "Kategorie";
        public const string Difficulty = "Schwierigkeit";
        public const string Status = "Status";
        public const string All = "Alle";
        public const string OnlyReported = "Nur mit offenen Meldungen";
        public const string Id = "ID";
        public const string Text = "Frage";
        public const string OpenReports = "Meldungen";
        public const string Updated = "Geändert";
        public const string Actions = "Aktionen";
        public const string None = "Keine Fragen gefunden.";
        public const string Loading = "Fragen werden geladen …";
        public const string Import = "Datei importieren";
        public const string Edit = "Bearbeiten";
        public const string Suspend = "Sperren";
        public const string Reactivate = "Reaktivieren";
        public const string Retire = "Ausmustern";
        public const string RetireTitle = "Frage ausmustern?";
        public const string RetireQuestion = "Die Frage wird nicht mehr gestellt. Reaktivieren ist jederzeit möglich.";
        public const string Cancel = "Abbrechen";
        public const string StatusChanged = "Status geändert:";
        public const string StatusNotAllowed = "Die Frage hat diesen Status schon oder wurde inzwischen geändert.";
        public const string NotFound = "Diese Frage gibt es nicht (mehr).";
        public const string LoadFailed = "Die Fragen konnten gerade nicht geladen werden.";

        public static string Describe(QuestionStatus status) => status switch
        {
            QuestionStatus.Active => "Aktiv",
            QuestionStatus.Suspended => "Gesperrt",
            QuestionStatus.Retired => "Ausgemustert",
            _ => status.ToString(),
        };

        /// <summary>The difficulties a question can have, in the order the selections offer them.</summary>
        public static readonly IReadOnlyList<short> Difficulties = [1, 2, 3];

        public static string Describe(short difficulty) => difficulty switch
        {
            1 => "1 · leicht",
            2 => "2 · mittel",
            3 => "3 · schwer",
            _ => difficulty.ToString(AdminFormat.German),
        };
    }

    public static class Editor
    {
        public const string Title = "Frage bearbeiten";
        public const string Text = "Fragetext";
        public const string Option = "Antwort";
        public const string Correct = "Richtige Antwort";
        public const string Explanation = "Erklärung";
        public const string Source = "Quelle";
        public const string PatternKey = "Muster-Schlüssel (optional)";
        public const string Save = "Speichern";
        public const string Cancel = "Abbrechen";
        public const string Reload = "Neu laden";
        public const string Saved = "Frage gespeichert.";
        public const string Invalid = "Die Frage wurde nicht gespeichert:";
        public const string Loading = "Frage wird geladen …";
        public const string StatusHint = "Den Status änderst du mit den Knöpfen in der Liste.";

        public static string Letter(int index) => ((char)('A' + index)).ToString();
    }

    public static class Reports
    {
        public const string Title = "Meldungen";
        public const string Intro =
            "Offene Meldungen von Spielern, je Frage zusammengefasst. Ab 3 offenen Meldungen ist eine Frage automatisch gesperrt.";
        public const string None = "Keine offenen Meldungen.";
        public const string Loading = "Meldungen werden geladen …";
        public const string LoadFailed = "Die Meldungen konnten gerade nicht geladen werden.";
        public const string Question = "Frage";
        public const string Count = "Offen";
        public const string Reasons = "Gründe";
        public const string Since = "Seit";
        public const string Uphold = "Meldungen bestätigen";
        public const string Dismiss = "Meldungen verwerfen";
        public const string EditQuestion = "Frage bearbeiten";
        public const string Upheld = "Meldungen bestätigt";
        public const string Dismissed = "Meldungen verworfen";
        public const string Reactivated = "Die Frage ist wieder aktiv.";
        public const string NothingOpen = "Es gab keine offenen Meldungen mehr zu dieser Frage.";

        public static string Describe(ReportReason reason) => reason switch
        {
            ReportReason.WrongAnswer => "Antwort falsch",
            ReportReason.Typo => "Tippfehler",
            ReportReason.Unclear => "Unklar",
            ReportReason.Outdated => "Veraltet",
            _ => reason.ToString(),
        };
    }

    public static class Import
    {
        public const string Title = "Fragen importieren";
        public const string AdminOnly = "Fragen importieren dürfen nur Administratoren.";
        public const string Intro =
            "Eine Inhaltsdatei im Format von content/questions/*.json hochladen. Die Datei wird zuerst geprüft; "
            + "importiert wird nur eine Datei ohne Fehler, und dann vollständig (alles oder nichts). Fragen werden über ihre ID ergänzt oder aktualisiert.";
        public const string Choose = "Datei wählen";
        public const string Checking = "Datei wird geprüft …";
        public const string Apply = "Importieren";
        public const string Applied = "Import abgeschlossen.";
        public const string NothingToDo = "Die Datei enthält keine Änderungen.";
        public const string Rejected = "Die Datei hat Fehler und wird so nicht importiert.";
        public const string Valid = "Die Datei ist gültig.";
        public const string TooLarge = "Die Datei ist zu groß (höchstens 2 MB).";
        public const string Category = "Kategorie";
        public const string Verdict = "Ergebnis";
        public const string Notes = "Hinweise";
        public const string Back = "Zurück zu den Fragen";

        public static string Describe(ImportVerdict verdict) => verdict switch
        {
            ImportVerdict.New => "Neu",
            ImportVerdict.Updated => "Geändert",
            ImportVerdict.Unchanged => "Unverändert",
            ImportVerdict.Rejected => "Abgelehnt",
            _ => verdict.ToString(),
        };
    }
}
