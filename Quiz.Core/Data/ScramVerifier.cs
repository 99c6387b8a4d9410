using System.Security.Cryptography;
using System.Text;

namespace Quiz.Core.Data;

/// <summary>
/// A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5803 form, what <c>pg_authid.rolpassword</c> stores). Creating a
/// role with the verifier instead of the password keeps the password out of the statement, and so out of statement
/// logs and traces.
/// </summary>
internal static class ScramVerifier
{
    private const int Iterations = 4096;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
