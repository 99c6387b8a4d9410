using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>The /sandbox/api control API as a test drives it.</summary>
public sealed class ControlClient(HttpClient http)
{
    public async Task<long> CreateUserAsync(string firstName = "Anna", string? username = null, int? stars = null)
    {
        var user = await PostAsync("/sandbox/api/users", new { firstName, username, languageCode = "de", stars });
        Assert.Equal(user["userId"]!.GetValue<long>(), user["chatId"]!.GetValue<long>());
        return user["userId"]!.GetValue<long>();
    }

    public async Task<(int? UpdateId, int MessageId)> SendTextAsync(long userId, string text)
    {
        var sent = await PostAsync($"/sandbox/api/users/{userId}/messages", new { text });
        return (sent["updateId"]?.GetValue<int>(), sent["messageId"]!.GetValue<int>());
    }

    public async Task<string> PressAsync(long userId, int messageId, string callbackData, bool force = false)
    {
        var pressed = await PostAsync($"/sandbox/api/users/{userId}/press", new { messageId, callbackData, force });
        return pressed["callbackQueryId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> TryPressAsync(long userId, int messageId, string callbackData, bool force = false) =>
        http.PostAsJsonAsync($"/sandbox/api/users/{userId}/press", new { messageId, callbackData, force });

    public Task<JsonObject> CallbackAsync(long userId, string queryId) =>
        GetAsync<JsonObject>($"/sandbox/api/users/{userId}/callbacks/{queryId}");

    public Task<JsonObject> PayAsync(long userId, int? messageId = null, string? invoiceSlug = null) =>
        PostAsync($"/sandbox/api/users/{userId}/pay", new { messageId, invoiceSlug });

    public Task<JsonObject> SeedStarHistoryAsync(long userId, int count, int amount, string chargePrefix) =>
        PostAsync($"/sandbox/api/users/{userId}/stars/history", new { count, amount, chargePrefix });

    public Task<JsonArray> SubscriptionsAsync(long userId) => GetAsync<JsonArray>($"/sandbox/api/users/{userId}/subscriptions");

    public Task<JsonObject> RenewAsync(long userId, string chargeId) =>
        PostAsync($"/sandbox/api/users/{userId}/subscriptions/renew", new { chargeId });

    public Task<JsonObject> CancelSubscriptionAsync(long userId, string chargeId) =>
        PostAsync($"/sandbox/api/users/{userId}/subscriptions/cancel", new { chargeId });

    public Task<JsonObject> ReenableSubscriptionAsync(long userId, string chargeId) =>
        PostAsync($"/sandbox/api/users/{userId}/subscriptions/reenable", new { chargeId });

    public Task<HttpResponseMessage> TryReenableSubscriptionAsync(long userId, string chargeId) =>
        http.PostAsJsonAsync($"/sandbox/api/users/{userId}/subscriptions/reenable", new { chargeId });

    public Task<JsonObject> BlockAsync(long userId) => PostAsync($"/sandbox/api/users/{userId}/block", new { });

    public Task<JsonObject> UnblockAsync(long userId) => PostAsync($"/sandbox/api/users/{userId}/unblock", new { });

    public Task<JsonObject> UserAsync(long userId) => GetAsync<JsonObject>($"/sandbox/api/users/{userId}");

    public Task<JsonArray> ChatAsync(long userId) => GetAsync<JsonArray>($"/sandbox/api/users/{userId}/chat");

    public Task<JsonArray> CallsAsync(string? method = null, long since = 0) =>
        GetAsync<JsonArray>($"/sandbox/api/calls?since={since}" + (method is null ? "" : "&method=" + method));

    public Task<JsonObject> SettingsAsync(bool? rateLimits = null, int? duplicateDeliveries = null) =>
        PostAsync("/sandbox/api/settings", new { rateLimits, duplicateDeliveries });

    public async Task ResetAsync()
    {
        using var response = await http.PostAsync("/sandbox/api/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<int> RawUpdateAsync(JsonObject update) =>
        (await PostAsync("/sandbox/api/updates/raw", update))["updateId"]!.GetValue<int>();

    public async Task<JsonObject> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<T> GetAsync<T>(string path)
        where T : JsonNode
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return (T)JsonNode.Parse(text)!;
    }
}
