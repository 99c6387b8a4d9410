using System.Collections.Concurrent;
using System.Text.Json;

namespace Quiz.LoadDriver;

/// <summary>A question message the bot sent: its id and the callback data of its answer buttons.</summary>
internal sealed record AskedQuestion(long MessageId, IReadOnlyList<string> Buttons);

/// <summary>
/// What the simulated players learn from the bot's outgoing calls: the latest question per chat
/// (a <c>sendMessage</c> whose inline keyboard carries <c>game:answer:…</c> buttons), and how many
/// button presses the bot answered with a notice (stale button or time up) instead of silently.
/// </summary>
internal sealed class QuestionInbox
{
    private const string AnswerPrefix = "game:answer:";
    private readonly ConcurrentDictionary<long, AskedQuestion> questions = new();
    private long notices;
    private long calls;
    private long messages;

    public long Notices => Interlocked.Read(ref notices);

    /// <summary>All Bot API calls the bot made.</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>Messages in the chat: <c>sendMessage</c> and <c>editMessageText</c> (not callback answers).</summary>
    public long Messages => Interlocked.Read(ref messages);

    public AskedQuestion? Take(long chatId) => questions.TryRemove(chatId, out var question) ? question : null;

    public void Observe(string method, JsonElement body, long messageId)
    {
        Interlocked.Increment(ref calls);
        if (method is "sendmessage" or "editmessagetext") Interlocked.Increment(ref messages);
        switch (method)
        {
            case "sendmessage" when ChatId(body) is { } chat && AnswerButtons(body) is { Count: > 0 } buttons:
                questions[chat] = new AskedQuestion(messageId, buttons);
                break;
            case "answercallbackquery" when body.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String:
                Interlocked.Increment(ref notices);
                break;
        }
    }

    public static long? ChatId(JsonElement body) =>
        !body.TryGetProperty("chat_id", out var id) ? null
        : id.ValueKind == JsonValueKind.Number ? id.GetInt64()
        : long.TryParse(id.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static List<string> AnswerButtons(JsonElement body)
    {
        var buttons = new List<string>(4);
        if (!body.TryGetProperty("reply_markup", out var markup) || !markup.TryGetProperty("inline_keyboard", out var rows)) return buttons;
        foreach (var row in rows.EnumerateArray())
        {
            foreach (var button in row.EnumerateArray())
            {
                if (button.TryGetProperty("callback_data", out var data) && data.GetString() is { } value
                    && value.StartsWith(AnswerPrefix, StringComparison.Ordinal))
                {
                    buttons.Add(value);
                }
            }
        }
        return buttons;
    }
}
