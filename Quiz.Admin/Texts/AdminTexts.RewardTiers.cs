namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The reward tiers of a tournament (and of a series) in the plan/edit dialogs.</summary>
    public static class RewardTiers
    {
        public const string Heading = "Gewinnstufen";
        public const string Hint = "Jeder gewertete Spieler bekommt die beste Stufe, die er erreicht: zuerst feste Plätze, dann der kleinste Anteil. Ohne Änderung gelten die Standardgewinne.";
        public const string Kind = "Art";
        public const string Places = "Plätze";
        public const string Share = "Top-Anteil";
        public const string From = "von Platz";
        public const string To = "bis Platz";
        public const string Percent = "Top %";
        public const string Tickets = "Tickets";
        public const string Jokers = "Joker";
        public const string ExtraLives = "Extra-Leben";
        public const string Games = "Spiele";
        public const string Add = "Stufe hinzufügen";
        public const string Remove = "Stufe entfernen";
        public const string Defaults = "Standardgewinne";
    }
}
