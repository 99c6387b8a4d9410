using Microsoft.Extensions.Options;

namespace Quiz.TelegramSandbox.State;

/// <summary>Runtime switches of the control API (start from configuration, changeable by tests).</summary>
public sealed class SandboxSettings(IOptions<SandboxOptions> options)
{
    private volatile bool _rateLimits = options.Value.RateLimits;
    private int _duplicateDeliveries = 1;

    public bool RateLimits
    {
        get => _rateLimits;
        set => _rateLimits = value;
    }

    /// <summary>How many times each webhook update is posted concurrently (1 = normal).</summary>
    public int DuplicateDeliveries
    {
        get => Volatile.Read(ref _duplicateDeliveries);
        set => Volatile.Write(ref _duplicateDeliveries, Math.Clamp(value, 1, 5));
    }

    public void Reset()
    {
        RateLimits = options.Value.RateLimits;
        DuplicateDeliveries = 1;
    }
}
