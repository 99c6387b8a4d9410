using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Quiz.Admin.Hosting;

/// <summary>
/// The key that encrypts the console's data-protection key ring at rest (configuration <c>Admin:DataProtection:Key</c>,
/// at least 32 characters; the app model generates one). Whoever can read Redis sees only ciphertext: without this
/// key no cookie can be forged. Rotation: docs/security.md.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "Admin:DataProtection";

    [Required, MinLength(32, ErrorMessage = "Admin:DataProtection:Key must have at least 32 characters.")]
    public string Key { get; set; } = "";

    /// <summary>During a rotation: the former key, still read (never written) until the keys it wrapped expired (90 days).</summary>
    [MinLength(32, ErrorMessage = "Admin:DataProtection:PreviousKey must have at least 32 characters.")]
    public string? PreviousKey { get; set; }

    /// <summary>AES-256 key for the ring, derived from the configured secret.</summary>
    internal byte[] DerivedKey() => Derive(Key);

    /// <summary>The keys a stored element may be wrapped with: the current one first.</summary>
    internal IEnumerable<byte[]> ReadKeys() => string.IsNullOrEmpty(PreviousKey) ? [Derive(Key)] : [Derive(Key), Derive(PreviousKey)];

    private static byte[] Derive(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: "quiz-admin-key-ring"u8.ToArray());
}

/// <summary>Encrypts each key of the ring with AES-256-GCM before it is stored.</summary>
public sealed class KeyRingEncryptor(IOptions<KeyRingOptions> options) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(options.Value.DerivedKey(), tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM with Admin:DataProtection:Key; see docs/security.md "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>
/// Reads what <see cref="KeyRingEncryptor"/> wrote; made by the data-protection system with the service provider.
/// A wrong key fails authentication (no cookie made with the ring is then accepted).
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var options = services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        foreach (var key in options.ReadKeys())
        {
            try
            {
                using var aes = new AesGcm(key, tag.Length);
                aes.Decrypt(nonce, ciphertext, tag, plaintext);
                return XElement.Parse(Encoding.UTF8.GetString(plaintext));
            }
            catch (AuthenticationTagMismatchException)
            {
                // not this key; try the previous one
            }
        }
        throw new CryptographicException("The console's key ring was encrypted with another Admin:DataProtection:Key.");
    }
}
