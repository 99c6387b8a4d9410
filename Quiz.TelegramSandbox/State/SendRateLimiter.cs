using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.BotApi;

namespace Quiz.TelegramSandbox.State;

/// <summary>
/// Telegram's send limits as token buckets: per private chat (1/s with a small burst), per group
/// (20/min) and overall (30/s). A call needs a token from every bucket it touches; when one is empty
/// nothing is taken and the caller gets 429 with the seconds until a token is back.
/// </summary>
public sealed class SendRateLimiter(IOptions<SandboxOptions> options, SandboxSettings settings, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private Bucket? _global;

    public void Acquire(long chatId)
    {
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

    public void Reset()
    {
        lock (_gate)
        {
            _chats.Clear();
            _global = null;
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
