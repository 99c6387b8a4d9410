using System.Diagnostics;
using OpenTelemetry;

namespace Quiz.ServiceDefaults.Redaction;

/// <summary>
/// Runs before the exporters: blanks secrets in a finished span's name, attributes, status description and
/// event attributes (exception messages and stack traces), e.g. <c>url.full</c> of every Bot API call, which
/// carries the bot token in its path. A span without a secret is only read, never copied.
/// </summary>
public sealed class RedactingActivityProcessor(TelemetrySecrets secrets) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = secrets.Redact(data.DisplayName);
        foreach (var (key, clean) in Changes(data.TagObjects)) data.SetTag(key, clean);
        if (data.StatusDescription is { } description && secrets.TryRedact(description, out var status)) data.SetStatus(data.Status, (string?)status);
        foreach (var activityEvent in data.Events)
        {
            // Events are immutable, but the attributes of those made with a tag collection (exceptions) are not.
            if (activityEvent.Tags is not ActivityTagsCollection tags) continue;
            foreach (var (key, clean) in Changes(tags)) tags[key] = clean;
        }
    }

    /// <summary>The attributes that hold a secret, with their clean values (collected first: the caller then changes the collection).</summary>
    private List<KeyValuePair<string, object?>> Changes(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        List<KeyValuePair<string, object?>>? changes = null;
        foreach (var tag in tags)
        {
            if (secrets.TryRedact(tag.Value, out var clean)) (changes ??= []).Add(new(tag.Key, clean));
        }
        return changes ?? [];
    }
}
