using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Quiz.Testing;

namespace Quiz.DeploymentTests;

/// <summary>
/// The production path on loopback: bot, console and migrator as <c>dotnet publish -c Release</c> builds them, started
/// in the Production environment with their secrets as files (as compose mounts them), behind deploy/Caddyfile with
/// <c>tls internal</c>; the Telegram sandbox plays Telegram and delivers updates over HTTPS through Caddy. The worker runs
/// beside them (not behind Caddy: it serves nobody) so the metrics every alert reads can be scraped from all three.
/// Shared by the test classes of <see cref="PublishedCollection"/>: it is published and started once.
/// </summary>
public sealed partial class PublishedSystem : IAsyncLifetime
{
    public const string BotToken = "4242424242:deploy-test-token-Z9x8";
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);

    private readonly string root = Directory.CreateTempSubdirectory("quiz-published-").FullName;
    private readonly string database = $"quiz_deploy_{Guid.NewGuid():N}";
    private readonly List<ServiceProcess> processes = [];
    private OidcMetadataStub? identity;
    private X509Certificate2? caddyRoot;

    public int HttpsPort { get; } = LoopbackPort.Free();
    public int HttpPort { get; } = LoopbackPort.Free();
    public int BotPort { get; } = LoopbackPort.Free();
    public int AdminPort { get; } = LoopbackPort.Free();
    public int WorkerPort { get; } = LoopbackPort.Free();
    public int SandboxPort { get; } = LoopbackPort.Free();

    public string WebhookSecret { get; } = Secret(48);
    public string AdminApiToken { get; } = Secret(48);

    public Uri Public => new($"https://localhost:{HttpsPort}/");
    public Uri Sandbox => new($"http://127.0.0.1:{SandboxPort}/");
    public Uri AdminDirect => new($"http://127.0.0.1:{AdminPort}/");
    public OidcMetadataStub Identity => identity!;

    /// <summary>An HTTPS client that trusts Caddy's own CA (and nothing else), without following redirects.</summary>
    public HttpClient Client() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, certificate, presented, errors) => TrustsCaddy(certificate, presented, errors),
    });

    public async Task InitializeAsync()
    {
        var published = await PublishAsync("Quiz.Migrator", "Quiz.Bot", "Quiz.Admin", "Quiz.Worker");
        var secrets = await CreateDatabaseAndSecretsAsync();

        var migrator = Start("migrator", published["Quiz.Migrator"], Production(secrets));
        Assert.True(await migrator.WaitForExitAsync(StartPatience) == 0, migrator.Output);

        var caddy = StartCaddy();
        var rootFile = Path.Combine(root, "caddy-data", "caddy", "pki", "authorities", "local", "root.crt");
        await WaitAsync(() => Task.FromResult(File.Exists(rootFile)), caddy);
        caddyRoot = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(rootFile));

        identity = await OidcMetadataStub.StartAsync();
        var sandbox = Start("sandbox", SandboxAssembly(), new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = Sandbox.ToString(),
            ["Sandbox__BotToken"] = BotToken,
            // Telegram trusts public CAs; this Telegram trusts Caddy's internal CA, so it can deliver over HTTPS.
            ["SSL_CERT_FILE"] = rootFile,
        });
        await WaitForHttpAsync(new Uri(Sandbox, "health"), sandbox);

        var bot = Start("bot", published["Quiz.Bot"], Production(secrets, new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{BotPort}",
            ["Telegram__ApiBaseUrl"] = Sandbox.ToString().TrimEnd('/'),
            ["Telegram__WebhookUrl"] = new Uri(Public, "telegram/webhook").ToString(),
        }));
        var admin = Start("admin", published["Quiz.Admin"], Production(secrets, new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AdminPort}",
            ["Admin__Auth__Mode"] = "Oidc",
            ["Admin__Auth__Authority"] = Identity.Issuer.ToString(),
            ["Admin__Auth__RequireHttpsMetadata"] = "false",
            ["Admin__Proxy__KnownProxies__0"] = "127.0.0.1",
        }));
        var worker = Start("worker", published["Quiz.Worker"], Production(secrets, new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{WorkerPort}" }));
        await WaitForHttpAsync(new Uri($"http://127.0.0.1:{BotPort}/ready"), bot);
        await WaitForHttpAsync(new Uri(AdminDirect, "ready"), admin);
        await WaitForHttpAsync(new Uri($"http://127.0.0.1:{WorkerPort}/ready"), worker);
        using var client = Client();
        await WaitAsync(async () => (await client.GetAsync(new Uri(Public, "telegram/webhook"))).StatusCode != System.Net.HttpStatusCode.BadGateway, caddy);
    }

    private Dictionary<string, string> Production(string secrets, Dictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["QUIZ_SECRETS_DIR"] = secrets,
        };
        foreach (var (key, value) in more ?? []) environment[key] = value;
        return environment;
    }

    private ServiceProcess Start(string name, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, "dotnet", [assembly], environment, Path.GetDirectoryName(assembly));
        processes.Add(process);
        return process;
    }

    private ServiceProcess StartCaddy()
    {
        var process = ServiceProcess.Start("caddy", "caddy", ["run", "--config", CaddyfileTests.CaddyfilePath, "--adapter", "caddyfile"], new Dictionary<string, string>
        {
            ["QUIZ_DOMAIN"] = "localhost",
            ["QUIZ_TLS"] = "internal",
            ["QUIZ_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QUIZ_HTTPS_PORT"] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QUIZ_CADDY_ADMIN"] = $"127.0.0.1:{LoopbackPort.Free()}",
            ["QUIZ_BOT_HOST"] = "127.0.0.1",
            ["QUIZ_BOT_PORT"] = BotPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QUIZ_ADMIN_UPSTREAM"] = $"127.0.0.1:{AdminPort}",
            ["HOME"] = Path.Combine(root, "caddy-home"),
            ["XDG_DATA_HOME"] = Path.Combine(root, "caddy-data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(root, "caddy-config"),
        });
        processes.Add(process);
        return process;
    }

    private bool TrustsCaddy(X509Certificate2? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || caddyRoot is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caddyRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Caddy sends its intermediate with the leaf; the root is the one Caddy's CA wrote to disk.
        if (presented is not null) foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        return chain.Build(certificate);
    }

    public static string Secret(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    public async Task DisposeAsync()
    {
        foreach (var process in processes.AsEnumerable().Reverse()) await process.DisposeAsync();
        if (identity is not null) await identity.DisposeAsync();
        await TestEnvironment.DropDatabaseAsync(database);
        caddyRoot?.Dispose();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<string> CreateDatabaseAndSecretsAsync()
    {
        await using (var owner = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", owner);
            await create.ExecuteNonQueryAsync();
        }
        var secrets = Directory.CreateDirectory(Path.Combine(root, "secrets")).FullName;
        var files = new Dictionary<string, string>
        {
            ["ConnectionStrings__quizdbowner"] = TestEnvironment.OwnerForDatabase(database),
            ["ConnectionStrings__quizdb"] = TestEnvironment.ForDatabase(database),
            ["ConnectionStrings__cache"] = TestEnvironment.Redis,
            ["Telegram__BotToken"] = BotToken,
            ["Telegram__WebhookSecret"] = WebhookSecret,
            ["Game__SetSecret"] = Secret(64),
            ["Admin__Api__Token"] = AdminApiToken,
            ["Admin__DataProtection__Key"] = Secret(64),
        };
        foreach (var (name, value) in files) await File.WriteAllTextAsync(Path.Combine(secrets, name), value);
        return secrets;
    }
}

/// <summary>The test classes that share one <see cref="PublishedSystem"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedCollection : ICollectionFixture<PublishedSystem>
{
    public const string Name = "published system";
}
