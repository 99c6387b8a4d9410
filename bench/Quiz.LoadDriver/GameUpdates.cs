namespace Quiz.LoadDriver;

/// <summary>What a simulated user sends: a command message, a button press, and Telegram's two payment updates.</summary>
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

    /// <summary>Telegram asking the bot to confirm a checkout of the invoice with <paramref name="payload"/>.</summary>
    public static string PreCheckout(long updateId, string queryId, long user, string payload, int stars) =>
        $$$$"""{"update_id":{{{{updateId}}}},"pre_checkout_query":{"id":"{{{{queryId}}}}","from":{{{{From(user)}}}},"currency":"XTR","total_amount":{{{{stars}}}},"invoice_payload":"{{{{payload}}}}"}}""";

    /// <summary>The service message with successful_payment that follows a confirmed checkout.</summary>
    public static string Paid(long updateId, long user, string payload, int stars, string chargeId)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payment = $$$$"""{"currency":"XTR","total_amount":{{{{stars}}}},"invoice_payload":"{{{{payload}}}}","telegram_payment_charge_id":"{{{{chargeId}}}}","provider_payment_charge_id":"bench_{{{{chargeId}}}}"}""";
        return $$$$"""{"update_id":{{{{updateId}}}},"message":{"message_id":{{{{updateId}}}},"date":{{{{date}}}},"chat":{{{{Chat(user)}}}},"from":{{{{From(user)}}}},"successful_payment":{{{{payment}}}}}}""";
    }

    private static string Chat(long user) => $$$"""{"id":{{{user}}},"type":"private","first_name":"Spieler{{{user % 1000}}}"}""";

    private static string From(long user) => $$$"""{"id":{{{user}}},"is_bot":false,"first_name":"Spieler{{{user % 1000}}}","language_code":"de"}""";
}
