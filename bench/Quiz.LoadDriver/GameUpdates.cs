namespace Quiz.LoadDriver;

/// <summary>The two updates a playing user sends: a command message and an answer button press.</summary>
internal static class GameUpdates
{
    public static string Command(long updateId, long user, string command)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$$$"""{"update_id":{{{{updateId}}}},"message":{"message_id":{{{{updateId}}}},"date":{{{{date}}}},"chat":{{{{Chat(user)}}}},"from":{{{{From(user)}}}},"text":"{{{{command}}}}","entities":[{"type":"bot_command","offset":0,"length":{{{{command.Length}}}}}]}}""";
    }

    /// <summary>A press on a button of message <paramref name="messageId"/>; <paramref name="data"/> is its callback_data as sent.</summary>
    public static string Press(long updateId, long user, long messageId, string data)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$$$"""{"update_id":{{{{updateId}}}},"callback_query":{"id":"cb{{{{updateId}}}}","from":{{{{From(user)}}}},"chat_instance":"ci{{{{user}}}}","data":"{{{{data}}}}","message":{"message_id":{{{{messageId}}}},"date":{{{{date}}}},"chat":{{{{Chat(user)}}}},"text":"Frage"}}}""";
    }

    private static string Chat(long user) => $$$"""{"id":{{{user}}},"type":"private","first_name":"Spieler{{{user % 1000}}}"}""";

    private static string From(long user) => $$$"""{"id":{{{user}}},"is_bot":false,"first_name":"Spieler{{{user % 1000}}}","language_code":"de"}""";
}
