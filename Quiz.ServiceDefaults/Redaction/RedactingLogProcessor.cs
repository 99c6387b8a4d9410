using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Quiz.ServiceDefaults.Redaction;

/// <summary>
/// Runs before the log exporters: blanks secrets in a record's message, body and attributes; an exception whose
/// text holds a secret is exported as <see cref="RedactedException"/> (original type name and redacted text kept).
/// </summary>
public sealed class RedactingLogProcessor(TelemetrySecrets secrets) : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message && secrets.Holds(message)) data.FormattedMessage = secrets.Redact(message);
        if (data.Body is { } body && secrets.Holds(body)) data.Body = secrets.Redact(body);
        if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => secrets.TryRedact(a.Value, out _)))
        {
            data.Attributes = attributes
                .Select(a => new KeyValuePair<string, object?>(a.Key, secrets.TryRedact(a.Value, out var clean) ? clean : a.Value))
                .ToList();
        }
        if (data.Exception is { } exception && secrets.Holds(exception.ToString()))
        {
            data.Exception = new RedactedException(exception.GetType().FullName ?? nameof(Exception), secrets.Redact(exception.Message), secrets.Redact(exception.ToString()));
        }
    }
}

/// <summary>Stands in for an exception whose message or stack trace held a secret.</summary>
public sealed class RedactedException(string originalType, string message, string text) : Exception(message)
{
    public string OriginalType { get; } = originalType;

    public override string ToString() => text;
}
