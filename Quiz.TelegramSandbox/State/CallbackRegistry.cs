namespace Quiz.TelegramSandbox.State;

/// <summary>A button press waiting for (or having got) answerCallbackQuery.</summary>
public sealed record CallbackState(string Id, long UserId, DateTimeOffset CreatedAt, bool Answered, string? Text, bool ShowAlert);

public sealed class CallbackRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallbackState> _queries = [];

    public string Create(long userId, DateTimeOffset now)
    {
        lock (_gate)
        {
            // Telegram's ids are large numbers rendered as strings.
            var id = Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _queries[id] = new CallbackState(id, userId, now, false, null, false);
            return id;
        }
    }

    public CallbackState? Find(string id)
    {
        lock (_gate)
        {
            return _queries.GetValueOrDefault(id);
        }
    }

    /// <summary>Answers once, within the window; anything else is "query is too old" as in Telegram.</summary>
    public bool TryAnswer(string id, string? text, bool showAlert, DateTimeOffset now, TimeSpan window)
    {
        lock (_gate)
        {
            if (!_queries.TryGetValue(id, out var query) || query.Answered || now - query.CreatedAt > window)
            {
                return false;
            }

            _queries[id] = query with { Answered = true, Text = text, ShowAlert = showAlert };
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queries.Clear();
        }
    }
}
