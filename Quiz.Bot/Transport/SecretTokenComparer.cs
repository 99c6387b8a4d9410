using System.Security.Cryptography;
using System.Text;

namespace Quiz.Bot.Transport;

internal static class SecretTokenComparer
{
    /// <summary>Constant-time comparison; lengths leak nothing useful (the secret length is fixed per deployment).</summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
