using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Transport;

namespace Quiz.Bot.Tests;

public sealed class WebhookEndpointTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private const string StartUpdate =
        """{"update_id":4242,"message":{"message_id":1,"date":1764240000,"chat":{"id":555,"type":"private","first_name":"Eve"},"from":{"id":555,"is_bot":false,"first_name":"Eve"},"text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}""";

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        return await http.SendAsync(request);
    }

    private async Task<(int Updates, int Players)> RowsAsync()
    {
        await using var db = factory.Database.CreateContext();
        return (await db.ProcessedUpdates.CountAsync(), await db.Players.CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret-0123456789")]
    [InlineData(WebhookFactory.Secret + "x")]
    public async Task Webhook_without_the_right_secret_is_401_and_writes_nothing(string? secret)
    {
        var response = await PostAsync(StartUpdate, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 0), await RowsAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"message\":{}}")]
    [InlineData("{\"update_id\":\"abc\"}")]
    public async Task Webhook_with_a_malformed_body_is_400_and_writes_nothing(string body)
    {
        var response = await PostAsync(body, WebhookFactory.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0), await RowsAsync());
    }

    [Fact]
    public async Task Webhook_body_over_the_limit_is_413()
    {
        var huge = StartUpdate.Replace("\"/start\"", "\"" + new string('x', 8000) + "\"", StringComparison.Ordinal);

        var response = await PostAsync(huge, WebhookFactory.Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0), await RowsAsync());
    }
}
