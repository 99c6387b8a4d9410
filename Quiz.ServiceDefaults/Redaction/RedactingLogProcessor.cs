using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Quiz.ServiceDefaults.Redaction;

/// <summary>
/// Runs before the log exporters: blanks secrets in a record's message, body and attributes; an exception whose
/// text holds a secret is exported as <see cref="RedactedException"/> (its text, which names the original type,
/// redacted). A record without a secret is only read, never copied.
/// </summary>
public sealed class RedactingLogProcessor(TelemetrySecrets secrets) : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message) data.FormattedMessage = secrets.Redact(message);
        if (data.Body is { } body) data.Body = secrets.Redact(body);
        if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => secrets.TryRedact(a.Value, out _)))
        {
            data.Attributes = [.. attributes.Select(a => new KeyValuePair<string, object?>(a.Key, secrets.TryRedact(a.Value, out var clean) ? clean : a.Value))];
        }
        if (data.Exception is { } exception && exception.ToString() is var text && secrets.Redact(text) is var redacted && !ReferenceEquals(redacted, text))
        {
            data.Exception = new RedactedException(secrets.Redact(exception.Message), redacted);
        }
    }
}

/// <summary>Stands in for an exception whose message or stack trace held a secret.</summary>
public sealed class RedactedException(string message, string text) : Exception(message)
{
    public override string ToString() => text;
}
