using System.Diagnostics;
using OpenTelemetry;

namespace Quiz.ServiceDefaults.Redaction;

/// <summary>
/// Runs before the exporters: blanks secrets in a finished span's name, attributes, status description and
/// event attributes (exception messages and stack traces), e.g. <c>url.full</c> of every Bot API call, which
/// carries the bot token in its path.
/// </summary>
public sealed class RedactingActivityProcessor(TelemetrySecrets secrets) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (secrets.Holds(data.DisplayName)) data.DisplayName = secrets.Redact(data.DisplayName);
        foreach (var tag in data.TagObjects.ToList())
        {
            if (secrets.TryRedact(tag.Value, out var redacted)) data.SetTag(tag.Key, redacted);
        }
        if (data.StatusDescription is { } description && secrets.Holds(description)) data.SetStatus(data.Status, secrets.Redact(description));
        foreach (var activityEvent in data.Events)
        {
            // Events are immutable, but the attributes of those made with a tag collection (exceptions) are not.
            if (activityEvent.Tags is not ActivityTagsCollection tags) continue;
            foreach (var tag in tags.ToList())
            {
                if (secrets.TryRedact(tag.Value, out var redacted)) tags[tag.Key] = redacted;
            }
        }
    }
}
