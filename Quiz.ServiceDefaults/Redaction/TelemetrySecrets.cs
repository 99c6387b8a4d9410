using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Quiz.ServiceDefaults.Redaction;

/// <summary>
/// The secrets a Quiz service may hold, read from its configuration, and the one place that blanks them out of
/// text bound for telemetry (span attributes and events, log messages and attributes). Besides the configured
/// values, any Bot API path segment <c>/bot&lt;token&gt;/</c> is blanked, so a token that reached the process some
/// other way cannot leave it either.
/// </summary>
public sealed partial class TelemetrySecrets
{
    public const string Mask = "[redacted]";

    /// <summary>Configuration keys whose values are secrets (bot token, webhook secret, admin API token, local key, OIDC client secret).</summary>
    public static readonly string[] Keys =
    [
        "Telegram:BotToken", "Telegram:WebhookSecret", "Admin:Api:Token", "Admin:Auth:LocalKey", "Admin:Auth:ClientSecret",
        "Admin:DataProtection:Key", "Admin:DataProtection:PreviousKey", "Sandbox:BotToken", "Game:SetSecret",
    ];

    /// <summary>Shorter values are not treated as secrets: blanking them would garble ordinary text.</summary>
    private const int MinLength = 8;

    private readonly string[] values;

    public TelemetrySecrets(IEnumerable<string?> secrets)
    {
        values = secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .SelectMany(s => s!.IndexOf(':', StringComparison.Ordinal) is > 0 and var i ? new[] { s!, s![(i + 1)..] } : [s!])
            .Where(s => s.Length >= MinLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    public static TelemetrySecrets From(IConfiguration configuration) => new(Keys.Select(k => configuration[k]));

    [GeneratedRegex(@"/bot\d+:[^/\s?#""']+", RegexOptions.CultureInvariant)]
    private static partial Regex BotPath();

    /// <summary>The text with every secret replaced by <see cref="Mask"/>; the same instance when nothing was found.</summary>
    public string Redact(string text)
    {
        var result = text.Contains("/bot", StringComparison.Ordinal) ? BotPath().Replace(text, "/bot" + Mask) : text;
        foreach (var secret in values)
        {
            if (result.Contains(secret, StringComparison.Ordinal)) result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return result;
    }

    /// <summary>True when the value (a string or string array) holds a secret; <paramref name="redacted"/> is then its clean copy.</summary>
    public bool TryRedact(object? value, out object? redacted)
    {
        switch (value)
        {
            case string text when Redact(text) is var clean && !ReferenceEquals(clean, text):
                redacted = clean;
                return true;
            case string[] array when array.Any(e => !ReferenceEquals(Redact(e), e)):
                redacted = array.Select(Redact).ToArray();
                return true;
            default:
                redacted = value;
                return false;
        }
    }
}
