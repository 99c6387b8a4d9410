namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>"Spieler suchen" in a tournament's Rangliste.</summary>
    public static class StandingsSearch
    {
        public const string Field = "Spieler suchen (Name, @Benutzername oder Telegram-ID)";
        public const string Search = "Suchen";
        public const string Searching = "Suche läuft …";
        public const string Failed = "Die Suche ist gerade fehlgeschlagen. Bitte noch einmal versuchen.";
        public const string TermMissing = "Bitte einen Namen, Benutzernamen oder eine Telegram-ID eingeben.";
        public const string NotFound = "Kein gewerteter Spieler passt zu dieser Suche.";
        public const string Gap = "…";
        public const string Hit = "Treffer";

        public static string Found(int hits, int max) => hits >= max
            ? $"Die ersten {AdminFormat.Number(hits)} Treffer mit je zwei Plätzen davor und danach – für weitere bitte genauer suchen."
            : $"{AdminFormat.Count(hits, "Treffer", "Treffer")} mit je zwei Plätzen davor und danach.";
    }
}
