namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>Problem titles of the tournament endpoints of the admin API.</summary>
    public static class TournamentApi
    {
        public const string NotFound = "Turnier nicht gefunden";
        public const string WrongState = "Das Turnier ist nicht in dem Zustand, den dieser Schritt verlangt; nichts wurde geändert.";
        public const string CurrentState = "Aktueller Zustand:";
        public const string NoQuestions = "Keine aktiven Fragen für das Turnier vorhanden.";
        public const string Invalid = "Das Turnier ist so nicht gültig.";
    }
}
