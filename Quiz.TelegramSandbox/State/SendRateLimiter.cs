using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.BotApi;

namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Telegram's send limits as token buckets: per private chat (1/s with a small burst), per group
/// (20/min) and overall (30/s). A call needs a token from every bucket it touches; when one is empty
/// nothing is taken and the caller gets 429 with the seconds until a token is back.
/// A message with <c>allow_paid_broadcast</c> skips the overall 30/s and takes from the paid broadcast bucket instead
/// (1,000/s, then 429); each one is charged 0.1 Star (the Bot API's wording; Telegram's FAQ charges only the part
/// above the free rate — the sandbox counts the upper bound), counted in <see cref="PaidBroadcasts"/>.
/// </summary>
public sealed class SendRateLimiter(IOptions<SandboxOptions> options, SandboxSettings settings, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private Bucket? _global;
    private Bucket? _paid;
    private long _paidBroadcasts;

    /// <summary>Messages sent with <c>allow_paid_broadcast</c> since the last reset; 0.1 Star each.</summary>
    public long PaidBroadcasts => Interlocked.Read(ref _paidBroadcasts);

    public void Acquire(long chatId, bool paidBroadcast = false)
    {
        if (paidBroadcast)
        {
            // Charged whether or not the limits are on, as Telegram charges the bot's balance.
            AcquirePaid(chatId);
            Interlocked.Increment(ref _paidBroadcasts);
            return;
        }

        if (!settings.RateLimits)
        {
            return;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _global ??= new Bucket(o.GlobalPerSecond, o.GlobalPerSecond, now);
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                chat = chatId < 0
                    ? new Bucket(o.GroupPerMinute, o.GroupPerMinute / 60.0, now)
                    : new Bucket(o.PrivateChatBurst, o.PrivateChatPerSecond, now);
                _chats[chatId] = chat;
            }

            var wait = Math.Max(chat.WaitSeconds(now), _global.WaitSeconds(now));
            if (wait > 0)
            {
                throw ErrorTexts.TooManyRequests((int)Math.Ceiling(wait));
            }

            chat.Take();
            _global.Take();
        }
    }

    private void AcquirePaid(long chatId)
    {
        if (!settings.RateLimits)
        {
            return;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _paid ??= new Bucket(o.PaidBroadcastPerSecond, o.PaidBroadcastPerSecond, now);
            var chat = Chat(chatId, now);
            var wait = Math.Max(chat.WaitSeconds(now), _paid.WaitSeconds(now));
            if (wait > 0)
            {
                throw ErrorTexts.TooManyRequests((int)Math.Ceiling(wait));
            }

            chat.Take();
            _paid.Take();
        }
    }

    private Bucket Chat(long chatId, DateTimeOffset now)
    {
        var o = options.Value;
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = chatId < 0
                ? new Bucket(o.GroupPerMinute, o.GroupPerMinute / 60.0, now)
                : new Bucket(o.PrivateChatBurst, o.PrivateChatPerSecond, now);
            _chats[chatId] = chat;
        }

        return chat;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _chats.Clear();
            _global = null;
            _paid = null;
            Interlocked.Exchange(ref _paidBroadcasts, 0);
        }
    }

    private sealed class Bucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private DateTimeOffset _updated = now;

        public double WaitSeconds(DateTimeOffset at)
        {
            _tokens = Math.Min(_capacity, _tokens + ((at - _updated).TotalSeconds * perSecond));
            _updated = at;
            return _tokens >= 1 ? 0 : (1 - _tokens) / perSecond;
        }

        public void Take() => _tokens -= 1;
    }
}
