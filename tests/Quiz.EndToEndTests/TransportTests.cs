using System.Net;
using System.Text;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Messaging;
using Quiz.ServiceDefaults;

namespace Quiz.EndToEndTests;

[Collection(AppModelCollection.Name)]
public sealed class TransportTests(AppModelFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("falsches-geheimnis-0123456789abcdef")]
    public async Task Forged_webhook_without_the_secret_is_401_and_writes_nothing(string? secret)
    {
        const long updateId = 987_654_321;
        const long userId = 424_242_424;
        var body = $$$"""{"update_id":{{{updateId}}},"message":{"message_id":1,"date":1764240000,"chat":{"id":{{{userId}}},"type":"private","first_name":"Mallory"},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"Mallory"},"text":"/start"}}""";
        using var http = fixture.App.CreateHttpClient(QuizResources.Bot);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = fixture.Database();
        Assert.False(await db.ProcessedUpdates.AnyAsync(u => u.UpdateId == updateId));
        Assert.False(await db.Players.AnyAsync(p => p.TelegramUserId == userId));
    }

    [Fact]
    public async Task One_update_delivered_three_times_concurrently_is_handled_once()
    {
        var sandbox = fixture.Sandbox();
        var carla = await sandbox.CreateUserAsync("Carla");
        await sandbox.SettingsAsync(rateLimits: true, duplicateDeliveries: 3);
        SandboxSent sent;
        try
        {
            sent = await sandbox.SendAsync(carla, "/start");
            await sandbox.WaitForChatAsync(carla, c => c.Any(m => m.FromBot));
            await Task.Delay(TimeSpan.FromSeconds(2)); // time for a second reply to show up
        }
        finally
        {
            await sandbox.SettingsAsync(rateLimits: true, duplicateDeliveries: 1);
        }

        Assert.Single(await sandbox.ChatAsync(carla), m => m.FromBot);
        var replies = (await sandbox.CallsAsync(method: "sendMessage"))
            .Count(c => c.Parameters.GetProperty("chat_id").ToString() == carla.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, replies);
        await using var db = fixture.Database();
        var claim = await db.ProcessedUpdates.SingleAsync(u => u.UpdateId == sent.UpdateId);
        Assert.NotNull(claim.CompletedAt);
    }

    [Fact]
    public async Task Outbox_500_notices_to_50_chats_arrive_complete_in_order_without_a_single_429()
    {
        var sandbox = fixture.Sandbox();
        var since = (await sandbox.CallsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        var users = new List<SandboxUser>();
        for (var i = 0; i < 50; i++) users.Add(await sandbox.CreateUserAsync($"Spieler{i}"));
        await using (var db = fixture.Database())
        {
            for (var n = 0; n < 10; n++)
            {
                foreach (var user in users)
                {
                    OutboxWriter.EnqueueMessage(db, user.ChatId, new SendMessagePayload($"Mitteilung {n}"), DateTimeOffset.UtcNow);
                }
            }
            await db.SaveChangesAsync();
        }

        foreach (var user in users)
        {
            var chat = await sandbox.WaitForChatAsync(user, c => c.Count(m => m.FromBot) == 10, TimeSpan.FromSeconds(120));
            Assert.Equal(Enumerable.Range(0, 10).Select(n => $"Mitteilung {n}"), chat.Where(m => m.FromBot).Select(m => m.Text));
        }
        var calls = await sandbox.CallsAsync(since);
        Assert.DoesNotContain(calls, c => c.Status == 429);
        Assert.Equal(500, calls.Count(c => c.Method == "sendMessage" && c.Ok));
        PlayerConversationTests.AssertCallsMatchTheSpecification(calls);
    }

    [Fact]
    public async Task Player_who_blocked_the_bot_receives_nothing_more()
    {
        var sandbox = fixture.Sandbox();
        var dora = await sandbox.CreateUserAsync("Dora");
        await sandbox.SendAsync(dora, "/start");
        await sandbox.WaitForChatAsync(dora, c => c.Any(m => m.FromBot));

        await sandbox.BlockAsync(dora);
        await using var db = fixture.Database();
        await WaitUntilAsync(() => db.Players.AnyAsync(p => p.TelegramUserId == dora.UserId && p.BlockedBotAt != null));
        var since = (await sandbox.CallsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        for (var i = 0; i < 3; i++)
        {
            OutboxWriter.EnqueueMessage(db, dora.ChatId, new SendMessagePayload($"Turnier startet {i}"), DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync();

        await WaitUntilAsync(() => db.OutboxMessages.AsNoTracking()
            .Where(m => m.ChatId == dora.ChatId).AllAsync(m => m.State == OutboxState.Dead));
        var chatId = dora.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(await sandbox.CallsAsync(since), c =>
            c.Parameters.TryGetProperty("chat_id", out var id) && id.ToString() == chatId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not reached in 30 s");
            await Task.Delay(100);
        }
    }
}
