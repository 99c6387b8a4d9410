using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Admin.Auth;
using Quiz.Admin.Hosting;
using Quiz.Admin.Tests.Infrastructure;
using StackExchange.Redis;

namespace Quiz.Admin.Tests;

/// <summary>The console's key ring: encrypted at rest, useless without the configured key, one ring per sign-in mode (docs/security.md).</summary>
public sealed class KeyRingTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private const string Key = "key-ring-key-for-tests-0123456789abcdef";
    private const string Purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

    [Fact]
    public void The_stored_ring_holds_no_key_in_plaintext_and_is_useless_without_the_configured_key()
    {
        var store = new MemoryRing();
        var cookie = Protector(store, AdminAuthMode.Oidc, Key).Protect("admin-session");

        Assert.All(store.GetAllElements(), e =>
        {
            Assert.Contains("encryptedKey", e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", e.ToString(), StringComparison.Ordinal);
        });
        Assert.ThrowsAny<CryptographicException>(() => Protector(store, AdminAuthMode.Oidc, Key + "-other").Unprotect(cookie));
        Assert.Equal("admin-session", Protector(store, AdminAuthMode.Oidc, Key).Unprotect(cookie));
    }

    [Fact]
    public void After_a_rotation_the_previous_key_still_reads_the_old_ring_and_new_keys_use_the_new_one()
    {
        var store = new MemoryRing();
        var before = Protector(store, AdminAuthMode.Oidc, Key).Protect("admin-session");

        var rotated = Protector(store, AdminAuthMode.Oidc, Key + "-rotated", previousKey: Key);

        Assert.Equal("admin-session", rotated.Unprotect(before));
        Assert.ThrowsAny<CryptographicException>(() => Protector(store, AdminAuthMode.Oidc, Key + "-rotated").Unprotect(before));
    }

    [Fact]
    public void A_cookie_of_a_local_key_console_is_not_accepted_by_an_oidc_console_sharing_ring_and_key()
    {
        var store = new MemoryRing();
        var local = Protector(store, AdminAuthMode.LocalKey, Key).Protect("local-operator-admin");

        Assert.ThrowsAny<CryptographicException>(() => Protector(store, AdminAuthMode.Oidc, Key).Unprotect(local));
        Assert.NotEqual(HostingExtensions.RingKey(AdminAuthMode.LocalKey), HostingExtensions.RingKey(AdminAuthMode.Oidc));
    }

    [Fact]
    public async Task After_a_sign_in_the_ring_in_redis_is_ciphertext()
    {
        await using var app = new AdminAppFactory(seeded.Database.ConnectionString, overrides: new Dictionary<string, string?>
        {
            ["Admin:Auth:Mode"] = "LocalKey",
            ["Admin:Auth:LocalKey"] = "lokaler-schluessel-0123456789",
        });
        using var client = app.CreateClient();
        using var login = await client.GetAsync("/anmelden"); // the antiforgery token needs the ring

        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var ring = (await redis.ListRangeAsync(HostingExtensions.RingKey(AdminAuthMode.LocalKey))).Select(v => v.ToString()).ToList();

        Assert.NotEmpty(ring);
        Assert.All(ring, e => Assert.DoesNotContain("masterKey", e, StringComparison.Ordinal));
    }

    private static IDataProtector Protector(IXmlRepository store, AdminAuthMode mode, string key, string? previousKey = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{KeyRingOptions.Section}:Key"] = key, [$"{KeyRingOptions.Section}:PreviousKey"] = previousKey,
        }).Build());
        services.AddLogging();
        services.AddSharedDataProtection(mode);
        services.PostConfigure<KeyManagementOptions>(o => o.XmlRepository = store);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
    }

    /// <summary>The ring in memory, shared between two consoles like the Redis list.</summary>
    private sealed class MemoryRing : IXmlRepository
    {
        private readonly List<XElement> elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (elements) return [.. elements.Select(e => new XElement(e))];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (elements) elements.Add(new XElement(element));
        }
    }
}
