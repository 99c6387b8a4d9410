using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.State;

/// <summary>One Bot API call as the control API reports it.</summary>
public sealed record CallRecord(
    long Seq,
    string Method,
    JsonElement Parameters,
    int Status,
    bool Ok,
    int? ErrorCode,
    string? Description,
    DateTimeOffset At);

/// <summary>Every Bot API call the bot made, in order, so tests can assert on what the bot sent.</summary>
public sealed class CallLog
{
    private const int Capacity = 100_000;
    private readonly Lock _gate = new();
    private readonly List<CallRecord> _calls = [];
    private long _seq;

    public void Add(string method, JsonObject parameters, int status, string? description, DateTimeOffset at)
    {
        lock (_gate)
        {
            var ok = status == 200;
            // An immutable copy: JsonNode trees are not safe to read from several threads at once.
            var frozen = JsonSerializer.SerializeToElement(parameters);
            _calls.Add(new CallRecord(++_seq, method, frozen, status, ok, ok ? null : status, ok ? null : description, at));
            if (_calls.Count > Capacity)
            {
                // A sandbox left running for days must not grow without bound; tests read recent calls.
                _calls.RemoveRange(0, _calls.Count - Capacity);
            }
        }
    }

    public IReadOnlyList<CallRecord> Since(long since, string? method)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Seq > since
                && (method is null || string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)))];
        }
    }

    public void Clear()
    {
        // The sequence keeps counting so that a test's "since" taken before a reset stays meaningful.
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
