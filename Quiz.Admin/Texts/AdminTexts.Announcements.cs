using Quiz.Core.Announcements;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    public static class Announcements
    {
        public const string Navigation = "Nachricht an Spieler";
        public const string Title = "Nachricht an Spieler";
        public const string Intro = "Eine Nachricht an alle Spieler oder an die zuletzt aktiven. Erlaubt ist Telegram-HTML: <b>fett</b>, <i>kursiv</i>, <u>unterstrichen</u>, <s>durchgestrichen</s>, <code>Code</code>, <pre>Block</pre>, <blockquote>Zitat</blockquote>, <tg-spoiler>Spoiler</tg-spoiler> und <a href=\"https://…\">Link</a>. Ein einzelnes <, > oder & schreibst du als &lt; &gt; &amp;. Gesperrte Spieler, gelöschte Konten und Spieler, die den Bot blockiert haben, bekommen nichts.";
        public const string Text = "Text (Telegram-HTML)";
        public const string Audience = "Empfänger";
        public const string AudienceAll = "Alle Spieler";
        public const string AudienceActive = "Aktiv in den letzten … Tagen";
        public const string Days = "Tage";
        public const string Preview = "Vorschau";
        public const string PreviewHint = "So sieht der Spieler die Nachricht in Telegram.";
        public const string NoPreview = "Schreibe einen Text, um die Vorschau zu sehen.";
        public const string Check = "Vorschau und Empfänger prüfen";
        public const string Send = "Senden …";
        public const string ConfirmTitle = "Nachricht senden?";
        public const string ConfirmYes = "Jetzt senden";
        public const string ConfirmNo = "Abbrechen";
        public const string Sent = "Die Nachricht wird verschickt. Den Fortschritt siehst du unten.";
        public const string CancelSending = "Versand stoppen";
        public const string CancelQuestion = "Noch nicht verschickte Nachrichten werden nicht mehr gesendet. Bereits zugestellte bleiben beim Spieler.";
        public const string Canceled = "Versand gestoppt.";
        public const string NoChange = "Nichts geändert: Die Nachricht ist schon fertig oder gestoppt.";
        public const string NotFound = "Diese Nachricht gibt es nicht mehr.";
        public const string AdminOnly = "Nachrichten an Spieler darf nur ein Admin senden.";
        public const string DaysInvalid = "Die Tage müssen zwischen 1 und 3650 liegen.";
        public const string HistoryTitle = "Bisherige Nachrichten";
        public const string NoHistory = "Noch keine Nachricht an Spieler.";
        public const string Loading = "Nachrichten werden geladen …";
        public const string LoadFailed = "Die Nachrichten konnten nicht geladen werden. Die Seite zeigt den letzten Stand.";
        public const string CreatedAt = "Erstellt";
        public const string By = "Von";
        public const string State = "Status";
        public const string Progress = "Fortschritt";
        public const string Message = "Nachricht";

        public static string ConfirmQuestion(int recipients) => recipients == 1
            ? "Die Nachricht geht an 1 Spieler. Verschickt wird im Hintergrund, nach den Antworten an spielende Spieler."
            : $"Die Nachricht geht an {AdminFormat.Number(recipients)} Spieler. Verschickt wird im Hintergrund, nach den Antworten an spielende Spieler.";

        public static string Recipients(int count) => count == 1 ? "1 Empfänger" : $"{AdminFormat.Number(count)} Empfänger";

        public static string Length(int visible) => $"{AdminFormat.Number(visible)} von {AdminFormat.Number(AnnouncementHtml.MaxVisible)} Zeichen";

        public static string AudienceOf(int? days) => days is { } d ? (d == 1 ? "Aktiv am letzten Tag" : $"Aktiv in den letzten {AdminFormat.Number(d)} Tagen") : AudienceAll;

        public static string ProgressOf(AnnouncementRow a) =>
            $"{AdminFormat.Number(a.Queued)} von {AdminFormat.Number(a.Recipients)} eingereiht · {AdminFormat.Number(a.Progress.Pending)} wartend · "
            + $"{AdminFormat.Number(a.Progress.Sent)} gesendet · {AdminFormat.Number(a.Progress.Failed)} fehlgeschlagen · {AdminFormat.Number(a.Progress.Skipped)} übersprungen";

        public static string Describe(AnnouncementState state) => state switch
        {
            AnnouncementState.Draft => "Entwurf",
            AnnouncementState.Sending => "Wird gesendet",
            AnnouncementState.Sent => "Gesendet",
            _ => "Gestoppt",
        };

        public static string Error(AnnouncementHtmlCheck check) => check.Error switch
        {
            AnnouncementHtmlError.Empty => "Die Nachricht ist leer.",
            AnnouncementHtmlError.TooLong => $"Die Nachricht ist zu lang: höchstens {AdminFormat.Number(AnnouncementHtml.MaxVisible)} sichtbare Zeichen.",
            AnnouncementHtmlError.UnsupportedTag => $"Telegram kennt das Tag {check.Detail} nicht.",
            AnnouncementHtmlError.UnclosedTag => $"Das Tag {check.Detail} wird nicht geschlossen.",
            AnnouncementHtmlError.UnexpectedEndTag => $"Das schließende Tag {check.Detail} passt zu keinem offenen Tag.",
            AnnouncementHtmlError.BadEntity => $"{check.Detail} ist kein gültiges Zeichen: Schreibe ein einzelnes & als &amp;, < als &lt; und > als &gt;.",
            AnnouncementHtmlError.BadAttribute => $"Das Tag {check.Detail} hat ein Attribut, das Telegram nicht erlaubt.",
            AnnouncementHtmlError.BadLink => $"Der Link in {check.Detail} muss mit https://, http:// oder tg:// beginnen.",
            _ => "",
        };
    }
}
