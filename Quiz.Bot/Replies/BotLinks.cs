namespace Quiz.Bot.Replies;

/// <summary>
/// The bot's public name (from <c>getMe</c> at start-up) and the links built from it: the duel deep
/// link <c>https://t.me/&lt;bot&gt;?start=duell_&lt;code&gt;</c>, the tournament link
/// <c>…?start=turnier_&lt;id&gt;</c> and Telegram's share dialog.
/// </summary>
public sealed class BotLinks
{
    public const string DuelPrefix = "duell_";
    public const string TournamentPrefix = "turnier_";

    public string Username { get; set; } = "QuizBot";

    public string Bot => $"https://t.me/{Username}";

    public string Duel(string code) => $"{Bot}?start={DuelPrefix}{code}";

    public string Tournament(Guid id) => $"{Bot}?start={TournamentPrefix}{id:N}";

    public static string Share(string url, string text) =>
        $"https://t.me/share/url?url={Uri.EscapeDataString(url)}&text={Uri.EscapeDataString(text)}";
}
