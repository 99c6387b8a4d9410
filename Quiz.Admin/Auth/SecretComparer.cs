using System.Security.Cryptography;
using System.Text;

namespace Quiz.Admin.Auth;

public static class SecretComparer
{
    /// <summary>
    /// Constant-time comparison. Both sides are hashed first so that neither the content nor the
    /// length of the expected secret leaks through timing.
    /// </summary>
    public static bool Matches(string? expected, string? presented)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
