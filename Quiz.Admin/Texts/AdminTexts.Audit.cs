namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Audit
    {
        public const string Title = "Protokoll";
        public const string Intro = "Die neuesten Einträge des Prüfprotokolls: Erstattungen, Abgleiche, Turniere und gelöschte Konten. Einträge lassen sich nicht ändern.";
        public const string OnlyDeletions = "Nur gelöschte Konten";
        public const string Loading = "Protokoll wird geladen …";
        public const string LoadFailed = "Das Protokoll konnte nicht geladen werden.";
        public const string None = "Keine Einträge.";
        public const string At = "Zeit";
        public const string Actor = "Wer";
        public const string Action = "Was";
        public const string Subject = "Betrifft";
        public const string Details = "Details";
    }
}
