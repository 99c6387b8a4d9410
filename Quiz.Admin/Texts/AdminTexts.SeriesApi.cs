namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>Problem titles of the series endpoints of the admin API.</summary>
    public static class SeriesApi
    {
        public const string Invalid = "Die Serie ist so nicht gültig.";
        public const string TimeFormat = "Die Uhrzeit (startTime) fehlt oder ist nicht im Format HH:mm (Berliner Zeit).";
        public const string Unchanged = "Die Serie ist schon in diesem Zustand; nichts wurde geändert.";
    }
}
