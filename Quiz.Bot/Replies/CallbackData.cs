using System.Text;
using System.Text.RegularExpressions;

namespace Quiz.Bot.Replies;

/// <summary>
/// Button data is untrusted input (≤ 64 bytes): <c>area:action[:arg…]</c> with a closed alphabet.
/// Anything else is treated as a stale or forged button.
/// </summary>
public sealed partial record CallbackData(string Area, string Action, IReadOnlyList<string> Args)
{
    public const int MaxBytes = 64;

    [GeneratedRegex(@"\A[a-z]{1,12}:[a-z]{1,16}(:[A-Za-z0-9_-]{1,40})*\z")]
    private static partial Regex Shape();

    public static bool TryParse(string? raw, out CallbackData data)
    {
        data = new CallbackData("", "", []);
        if (raw is null || Encoding.UTF8.GetByteCount(raw) > MaxBytes || !Shape().IsMatch(raw)) return false;
        var parts = raw.Split(':');
        data = new CallbackData(parts[0], parts[1], parts[2..]);
        return true;
    }

    public override string ToString() => string.Join(':', [Area, Action, .. Args]);
}
