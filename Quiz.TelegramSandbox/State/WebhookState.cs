namespace Quiz.TelegramSandbox.State;

public sealed record WebhookConfig(string Url, string? SecretToken, int MaxConnections);

/// <summary>The current webhook and the last delivery error, as getWebhookInfo reports them.</summary>
public sealed class WebhookState
{
    private readonly Lock _gate = new();
    private WebhookConfig? _config;
    private long? _lastErrorDate;
    private string? _lastErrorMessage;

    public WebhookConfig? Config
    {
        get
        {
            lock (_gate)
            {
                return _config;
            }
        }
    }

    public (long? Date, string? Message) LastError
    {
        get
        {
            lock (_gate)
            {
                return (_lastErrorDate, _lastErrorMessage);
            }
        }
    }

    public void Set(WebhookConfig? config)
    {
        lock (_gate)
        {
            if (config?.Url != _config?.Url)
            {
                _lastErrorDate = null;
                _lastErrorMessage = null;
            }

            _config = config;
        }
    }

    public void RecordError(long date, string message)
    {
        lock (_gate)
        {
            _lastErrorDate = date;
            _lastErrorMessage = message;
        }
    }
}
