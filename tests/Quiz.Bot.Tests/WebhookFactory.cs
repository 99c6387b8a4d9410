using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>The bot in webhook mode against a fresh database; Telegram itself is never reached.</summary>
public class WebhookFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Secret = "test-webhook-secret-0123456789";
    public PostgresDatabase Database { get; } = new();
    public string DatabaseConnection { get; set; } = "";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        DatabaseConnection = Database.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(ConfigureServices);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:quizdb", DatabaseConnection);
        builder.UseSetting("ConnectionStrings:cache", TestEnvironment.Redis);
        builder.UseSetting("Telegram:BotToken", "123456:unreachable-in-tests");
        builder.UseSetting("Telegram:ApiBaseUrl", "http://127.0.0.1:9");
        if (WebhookSecret is { } secret) builder.UseSetting("Telegram:WebhookSecret", secret);
        if (UsesWebhook) builder.UseSetting("Telegram:WebhookUrl", "http://127.0.0.1:9/telegram/webhook");
        builder.UseSetting("Telegram:MaxWebhookBodyBytes", "4096");
    }

    /// <summary>The webhook secret the bot is configured with (null: none at all).</summary>
    public virtual string? WebhookSecret { get; set; } = Secret;

    /// <summary>False: the bot polls (no webhook URL).</summary>
    protected virtual bool UsesWebhook => true;

    /// <summary>Test doubles of a derived factory.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
