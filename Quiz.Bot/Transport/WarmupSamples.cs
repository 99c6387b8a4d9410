namespace Quiz.Bot.Transport;

/// <summary>One update of every kind the bot takes (<see cref="Handlers.UpdateRouter.AllowedUpdates"/>), as Telegram posts them; only parsed.</summary>
internal static class WarmupSamples
{
    private const string From = """{"id":1,"is_bot":false,"first_name":"W","username":"w","language_code":"de"}""";
    private const string Chat = """{"id":1,"type":"private","first_name":"W"}""";

    public static readonly string[] Updates =
    [
        $$$$"""{"update_id":1,"message":{"message_id":1,"from":{{{{From}}}},"chat":{{{{Chat}}}},"date":1700000000,"text":"/hilfe","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}""",
        $$$$"""{"update_id":2,"callback_query":{"id":"1","from":{{{{From}}}},"message":{"message_id":2,"from":{"id":2,"is_bot":true,"first_name":"Quiz"},"chat":{{{{Chat}}}},"date":1700000000,"text":"Frage","reply_markup":{"inline_keyboard":[[{"text":"A","callback_data":"g:a:1"}]]}},"chat_instance":"1","data":"g:a:1"}}""",
        $$$$"""{"update_id":3,"pre_checkout_query":{"id":"1","from":{{{{From}}}},"currency":"XTR","total_amount":50,"invoice_payload":"p"}}""",
        $$$$"""{"update_id":4,"message":{"message_id":3,"from":{{{{From}}}},"chat":{{{{Chat}}}},"date":1700000000,"successful_payment":{"currency":"XTR","total_amount":50,"invoice_payload":"p","telegram_payment_charge_id":"c","provider_payment_charge_id":"p"}}}""",
        $$$$"""{"update_id":5,"my_chat_member":{"chat":{{{{Chat}}}},"from":{{{{From}}}},"date":1700000000,"old_chat_member":{"status":"member","user":{"id":2,"is_bot":true,"first_name":"Quiz"}},"new_chat_member":{"status":"kicked","user":{"id":2,"is_bot":true,"first_name":"Quiz"},"until_date":0}}}""",
    ];
}
