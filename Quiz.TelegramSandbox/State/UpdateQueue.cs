using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Pending updates in update_id order, shared by getUpdates and webhook delivery. update_id starts from
/// a value derived from the clock so that it keeps increasing across sandbox restarts (bots dedupe on it).
/// </summary>
public sealed class UpdateQueue(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
    private int _lastUpdateId = (int)Math.Clamp((time.GetUtcNow().ToUnixTimeSeconds() - 1_700_000_000) * 10, 1, 1_000_000_000);
    private IReadOnlySet<string>? _allowed;

    public AsyncSignal Changed { get; } = new();

    /// <summary>Stores allowed_updates (null = keep the previous setting, empty = default set).</summary>
    public void SetAllowedUpdates(IReadOnlyList<string>? allowed)
    {
        if (allowed is null)
        {
            return;
        }

        lock (_gate)
        {
            _allowed = allowed.Count == 0 ? null : new HashSet<string>(allowed, StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<string>? AllowedUpdates
    {
        get
        {
            lock (_gate)
            {
                return _allowed?.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Creates an update from a typed payload unless the bot did not subscribe to its type.</summary>
    public int? Enqueue(Func<int, Update> create)
    {
        int id;
        lock (_gate)
        {
            id = _lastUpdateId + 1;
            var json = WireJson.ToObject(create(id));
            var type = PendingUpdate.TypeOf(json);
            if (_allowed is null ? UpdateTypes.NotByDefault.Contains(type) : !_allowed.Contains(type))
            {
                return null;
            }

            _lastUpdateId = id;
            _pending.Add(PendingUpdate.Create(id, json));
        }

        Changed.Notify();
        return id;
    }

    /// <summary>
    /// Enqueues any JSON as-is (malformed-update tests). A given update_id is kept, even a repeated one
    /// (so tests can simulate a redelivery); a missing one is assigned.
    /// </summary>
    public int EnqueueRaw(JsonObject json)
    {
        int id;
        lock (_gate)
        {
            id = json["update_id"] is JsonValue given && given.TryGetValue(out int requested) ? requested : _lastUpdateId + 1;
            json["update_id"] = id;
            _lastUpdateId = Math.Max(_lastUpdateId, id);
            _pending.Add(PendingUpdate.Create(id, json));
        }

        Changed.Notify();
        return id;
    }

    /// <summary>getUpdates: confirms everything below offset, then returns up to limit updates.</summary>
    public IReadOnlyList<JsonObject> Read(long offset, int limit)
    {
        lock (_gate)
        {
            if (offset < 0)
            {
                // Telegram: a negative offset keeps only the last |offset| updates.
                _pending.RemoveRange(0, Math.Max(0, _pending.Count - (int)Math.Min(-offset, int.MaxValue)));
            }
            else
            {
                _pending.RemoveAll(u => u.UpdateId < offset);
            }

            return [.. _pending.Take(limit).Select(u => JsonNode.Parse(u.Body)!.AsObject())];
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Webhook: the next updates that may be sent now — the oldest of each chat, within the connection limit.</summary>
    public IReadOnlyList<PendingUpdate> TakeDeliverable(int maxConnections, DateTimeOffset now)
    {
        lock (_gate)
        {
            var inFlight = _pending.Count(u => u.InFlight);
            var blockedKeys = new HashSet<string>(StringComparer.Ordinal);
            var taken = new List<PendingUpdate>();
            foreach (var update in _pending)
            {
                if (!blockedKeys.Add(update.OrderKey) || update.InFlight || update.NotBefore > now)
                {
                    continue;
                }

                if (inFlight >= maxConnections)
                {
                    break;
                }

                update.InFlight = true;
                inFlight++;
                taken.Add(update);
            }

            return taken;
        }
    }

    /// <summary>The earliest time a waiting (backed-off) update becomes deliverable, if any.</summary>
    public DateTimeOffset? NextRetryAt()
    {
        lock (_gate)
        {
            return _pending.Where(u => !u.InFlight && u.Attempts > 0).Select(u => (DateTimeOffset?)u.NotBefore).Min();
        }
    }

    /// <summary>Records a delivery outcome: success or giving up removes the update, a failure schedules a retry.</summary>
    public void Complete(PendingUpdate update, bool delivered, DateTimeOffset retryAt, int maxAttempts)
    {
        lock (_gate)
        {
            update.InFlight = false;
            update.Attempts++;
            update.NotBefore = retryAt;
            if (delivered || update.Attempts >= maxAttempts)
            {
                _pending.Remove(update);
            }
        }

        Changed.Notify();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }

        Changed.Notify();
    }

    public void Reset()
    {
        lock (_gate)
        {
            _pending.Clear();
            _allowed = null;
        }

        Changed.Notify();
    }
}
