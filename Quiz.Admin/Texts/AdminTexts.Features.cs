using Quiz.Core.Features;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The "Schalter" page and the <c>/admin/features</c> endpoints.</summary>
    public static class Features
    {
        public const string Title = "Schalter";
        public const string Intro =
            "Wartungsmodus und Funktionen für alle Spieler ein- und ausschalten. Eine Änderung erreicht jeden Bot innerhalb weniger Sekunden und steht im Protokoll. Laufende Spiele und Zahlungen, die schon unterwegs sind, werden zu Ende geführt.";
        public const string Loading = "Schalter werden geladen …";
        public const string LoadFailed = "Die Schalter konnten nicht geladen werden. Bitte die Seite neu laden.";
        public const string Switch = "Schalter";
        public const string Meaning = "Bedeutung";
        public const string State = "Zustand";
        public const string ChangedAt = "Geändert";
        public const string ChangedBy = "Von";
        public const string On = "an";
        public const string Off = "aus";
        public const string Open = "geöffnet";
        public const string Paused = "pausiert";
        public const string MaintenanceOn = "Wartung läuft";
        public const string MaintenanceOff = "kein Wartungsmodus";
        public const string Never = "noch nie";
        public const string History = "Letzte Änderungen";
        public const string HistoryEmpty = "Noch keine Änderung.";
        public const string Confirm = "Bestätigen";
        public const string Cancel = "Abbrechen";
        public const string ConfirmTitle = "Schalter umlegen?";
        public const string MaintenanceConfirm =
            "Wartungsmodus einschalten? Alle Spieler bekommen dann nur noch den Wartungshinweis; Zahlungen, die schon unterwegs sind, werden abgeschlossen.";
        public const string Unchanged = "Der Schalter stand schon so; nichts geändert.";
        public const string AdminOnly = "Nur Administratoren dürfen Schalter umlegen.";
        public const string Invalid = "Die Schalter sind so nicht gültig.";
        public const string Empty = "Mindestens einen Schalter angeben, z. B. {\"maintenance\": true}.";

        public static string UnknownSwitch(string key) =>
            $"Unbekannter Schalter „{key}“. Bekannt sind: {string.Join(", ", FeatureKeys.All.Select(FeatureKeys.Key))}.";

        public static string MissingValue(string key) => $"Für „{key}“ fehlt true oder false.";

        public static string Name(Feature feature) => feature switch
        {
            Feature.Maintenance => "Wartungsmodus",
            Feature.Quick => "Schnelles Spiel",
            Feature.Category => "Kategorie",
            Feature.Survival => "Überleben",
            Feature.Daily => "Tagesquiz",
            Feature.Duels => "Duelle",
            Feature.Tournaments => "Turniere",
            Feature.Shop => "Shop",
            _ => feature.ToString(),
        };

        public static string Describe(Feature feature) => feature switch
        {
            Feature.Maintenance => "An: Der Bot antwortet jedem Spieler nur mit dem Wartungshinweis.",
            Feature.Tournaments => "Aus: keine neuen Anmeldungen; wer angemeldet ist, spielt weiter, Ranglisten und Belohnungen wie gewohnt.",
            Feature.Shop => "Aus: kein neuer Kauf; bereits gesendete Rechnungen werden noch bezahlt.",
            _ => "Aus: kein neues Spiel dieser Art; laufende Spiele gehen zu Ende.",
        };

        /// <summary>For the snackbar: „Wartungsmodus: an“.</summary>
        public static string Switched(Feature feature, bool on) => $"{Name(feature)}: {(on ? On : Off)}";

        public static string StateOf(Feature feature, bool on) => feature == Feature.Maintenance
            ? (on ? MaintenanceOn : MaintenanceOff)
            : (on ? Open : Paused);
    }
}
