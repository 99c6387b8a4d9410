using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Quiz.Bot.Transport;

namespace Quiz.Bot.Tests;

/// <summary>The webhook exists only with a secret and only in webhook mode (docs/security.md, "small holes").</summary>
public sealed class WebhookModeTests(WebhookModeTests.PollingFactory factory) : IClassFixture<WebhookModeTests.PollingFactory>
{
    private const string Update = """{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Eve"},"text":"/start"}}""";

    [Fact]
    public async Task A_polling_bot_has_no_webhook_to_post_to()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(WebhookEndpoint.Path, new StringContent(Update, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_webhook_secret_stops_the_bot_at_start(string secret)
    {
        using var blank = new PollingFactory { WebhookSecret = secret };
        blank.DatabaseConnection = factory.DatabaseConnection;

        var error = Assert.Throws<OptionsValidationException>(() => blank.CreateClient());

        Assert.Contains("Telegram:WebhookSecret is set but blank", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The bot without a webhook URL (long polling against an unreachable Bot API) and, unless a test sets one, without a secret.</summary>
    public sealed class PollingFactory : WebhookFactory
    {
        public override string? WebhookSecret { get; set; }

        protected override bool UsesWebhook => false;
    }
}
