using Quiz.Admin.Components.Shared;
using Quiz.Core.AntiCheat;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The actions on a player (ban, hold, flag) and their dialog.</summary>
    public static class Moderation
    {
        public const string Ban = "Sperren";
        public const string Unban = "Sperre aufheben";
        public const string Hold = "Aus Ranglisten nehmen";
        public const string Restore = "Wieder in Ranglisten";
        public const string Flag = "Markieren";
        public const string Cancel = "Abbrechen";
        public const string ReasonRequired = "Bitte gib einen Grund an; er wird protokolliert.";
        public const string NotFound = "Diesen Spieler gibt es nicht (mehr); gelöschte Konten lassen sich nicht sperren.";

        public static string Title(PlayerAction action) => action switch
        {
            PlayerAction.Ban => "Spieler sperren",
            PlayerAction.Unban => "Sperre aufheben",
            PlayerAction.Hold => "Aus den Ranglisten nehmen",
            PlayerAction.Restore => "Wieder in die Ranglisten aufnehmen",
            _ => "Spieler markieren",
        };

        public static string Explain(PlayerAction action) => action switch
        {
            PlayerAction.Ban => "Der Spieler kann nicht mehr spielen und nichts mehr kaufen; er bekommt einmal einen freundlichen Hinweis, danach keine Antwort mehr. Gekauftes bleibt erhalten. Er verschwindet aus Ranglisten und Turnierwertungen.",
            PlayerAction.Unban => "Der Spieler kann wieder spielen und kaufen und erscheint wieder in den Ranglisten (sofern er nicht zusätzlich herausgenommen ist).",
            PlayerAction.Hold => "Der Spieler spielt weiter, erscheint aber bis zur Wiederaufnahme in keiner Rangliste und keiner Turnierwertung.",
            PlayerAction.Restore => "Der Spieler erscheint wieder in Ranglisten und Turnierwertungen.",
            _ => "Legt eine Markierung zur Prüfung unter „Markiert“ an. Der Spieler merkt davon nichts.",
        };

        public static string Label(PlayerAction action) => action == PlayerAction.Flag ? "Was ist aufgefallen? (Pflicht)" : "Grund (Pflicht, wird protokolliert)";

        public static string Done(PlayerAction action) => action switch
        {
            PlayerAction.Ban => "Spieler gesperrt.",
            PlayerAction.Unban => "Sperre aufgehoben.",
            PlayerAction.Hold => "Spieler aus den Ranglisten genommen.",
            PlayerAction.Restore => "Spieler wieder in den Ranglisten.",
            _ => "Spieler markiert; die Markierung steht unter „Markiert“.",
        };

        public static string Already(PlayerAction action) => action switch
        {
            PlayerAction.Ban => "Der Spieler war schon gesperrt. Es wurde nichts geändert.",
            PlayerAction.Unban => "Der Spieler war nicht gesperrt. Es wurde nichts geändert.",
            PlayerAction.Hold => "Der Spieler war schon aus den Ranglisten genommen. Es wurde nichts geändert.",
            _ => "Der Spieler war schon in den Ranglisten. Es wurde nichts geändert.",
        };
    }

    /// <summary>"Markiert": the open flags and their verdicts.</summary>
    public static class Flags
    {
        public const string Title = "Markiert";
        public const string Intro = "Auffälligkeiten der Anti-Cheat-Prüfung und von Moderatoren, höchster Wert zuerst. Eine Markierung bestraft nicht: Erst eure Entscheidung zählt.";
        public const string Loading = "Markierungen werden geladen …";
        public const string LoadFailed = "Die Markierungen konnten gerade nicht geladen werden.";
        public const string None = "Keine offenen Markierungen.";
        public const string Shown = "angezeigt von";
        public const string Score = "Wert";
        public const string Kind = "Art";
        public const string Player = "Spieler";
        public const string Raised = "Erkannt";
        public const string Evidence = "Hinweise";
        public const string Subject = "Betrifft";
        public const string Review = "Prüfen";
        public const string Status = "Status";
        public const string ResolvedBy = "Entschieden von";
        public const string DialogTitle = "Markierung prüfen";
        public const string Verdict = "Entscheidung";
        public const string Dismiss = "Fehlalarm (verwerfen)";
        public const string Confirm = "Bestätigen";
        public const string Consequence = "Folge der Bestätigung";
        public const string NoteLabel = "Notiz (Pflicht, wird protokolliert)";
        public const string Decide = "Entscheiden";
        public const string Cancel = "Abbrechen";
        public const string NoteRequired = "Bitte eine Notiz angeben: warum Fehlalarm oder warum bestätigt.";
        public const string Dismissed = "Markierung als Fehlalarm verworfen.";
        public const string Confirmed = "Markierung bestätigt.";
        public const string AlreadyResolved = "Diese Markierung wurde schon entschieden. Es wurde nichts geändert.";
        public const string NotFound = "Diese Markierung gibt es nicht.";
        public const string AlreadyBanned = "Der Spieler war schon gesperrt.";
        public const string AlreadyHeld = "Der Spieler war schon aus den Ranglisten genommen.";
        public const string PlayerGone = "Der Spieler hat sein Konto gelöscht; Sperre oder Ranglisten-Sperre entfallen.";

        public static string Describe(FlagKind kind) => kind switch
        {
            FlagKind.FastAnswers => "Schneller als lesbar",
            FlagKind.SteadyPerfect => "Fehlerfrei im Gleichtakt",
            FlagKind.Lockstep => "Im Gleichschritt mit anderem Konto",
            FlagKind.FreshCluster => "Gruppe neuer Konten",
            FlagKind.RefundAbuse => "Erstattung nach Verbrauch",
            FlagKind.Manual => "Von Hand markiert",
            _ => kind.ToString(),
        };

        public static string Describe(FlagStatus status) => status switch
        {
            FlagStatus.Open => "Offen",
            FlagStatus.Dismissed => "Fehlalarm",
            FlagStatus.Confirmed => "Bestätigt",
            _ => status.ToString(),
        };

        public static string Describe(FlagConsequence consequence) => consequence switch
        {
            FlagConsequence.Ban => "Spieler sperren",
            FlagConsequence.Hold => "Aus den Ranglisten nehmen",
            _ => "Nur bestätigen",
        };
    }
}
