namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>Problem titles of the player endpoints of the admin API (ban / unban).</summary>
    public static class PlayerApi
    {
        public const string Invalid = "Die Anfrage ist so nicht gültig.";
        public const string ReasonMissing = "Der Grund fehlt; er wird protokolliert.";
        public static readonly string ReasonTooLong = $"Der Grund darf höchstens {Core.Players.Player.MaxModerationReason} Zeichen lang sein.";
        public const string NotFound = "Spieler nicht gefunden (oder Konto gelöscht)";
        public const string AlreadyBanned = "Der Spieler ist schon gesperrt.";
        public const string NotBanned = "Der Spieler ist nicht gesperrt.";
        public const string NothingChanged = "Es wurde nichts geändert.";
    }
}
