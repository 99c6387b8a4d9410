using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.EndToEndTests;

public sealed record SandboxUser(long UserId, long ChatId);

public sealed record SandboxSent(int? UpdateId, int MessageId);

public sealed record SandboxPress(int? UpdateId, string CallbackQueryId);

public sealed record SandboxPayment(string Status, string? ErrorMessage, string? TelegramPaymentChargeId, double? PreCheckoutMs = null);

public sealed record SandboxSubscription(string ChargeId, string LastChargeId, int Amount, long ExpiresAt, bool CanceledByBot, bool CanceledByUser, int Renewals);

public sealed record SandboxStarHistory(int First, int Total, string ChargePrefix);

public sealed record SandboxCallback(bool Answered, string? Text, bool ShowAlert);

public sealed record SandboxChatItem(
    int MessageId, bool FromBot, string? Text, long Date, long? EditDate, JsonObject? ReplyMarkup, JsonObject? Invoice = null, bool Paid = false,
    JsonObject? Document = null, string? Caption = null, JsonArray? Entities = null);

public sealed record SandboxCall(long Seq, string Method, JsonElement Parameters, int Status, bool Ok, int? ErrorCode, string? Description);

/// <summary>The Telegram sandbox's control API, as a simulated player and an observer of the bot's calls.</summary>
public sealed class SandboxClient(HttpClient http)
{
    private const string Api = "/sandbox/api";

    public async Task<SandboxUser> CreateUserAsync(string firstName) =>
        await PostAsync<SandboxUser>($"{Api}/users", new { firstName, username = firstName.ToLowerInvariant(), languageCode = "de" });

    public Task<SandboxSent> SendAsync(SandboxUser user, string text) =>
        PostAsync<SandboxSent>($"{Api}/users/{user.UserId}/messages", new { text });

    public Task<SandboxPress> PressAsync(SandboxUser user, int messageId, string callbackData, bool force = false) =>
        PostAsync<SandboxPress>($"{Api}/users/{user.UserId}/press", new { messageId, callbackData, force });

    public async Task<SandboxCallback> CallbackAsync(SandboxUser user, string id) =>
        (await http.GetFromJsonAsync<SandboxCallback>($"{Api}/users/{user.UserId}/callbacks/{Uri.EscapeDataString(id)}"))!;

    public async Task<SandboxCallback> WaitForCallbackAsync(SandboxUser user, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            var answer = await CallbackAsync(user, id);
            if (answer.Answered) return answer;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Callback {id} was never answered");
    }

    public Task<SandboxPayment> PayAsync(SandboxUser user, int messageId) =>
        PostAsync<SandboxPayment>($"{Api}/users/{user.UserId}/pay", new { messageId });

    public Task<SandboxPayment> PayLinkAsync(SandboxUser user, string invoiceLink) =>
        PostAsync<SandboxPayment>($"{Api}/users/{user.UserId}/pay", new { invoiceSlug = invoiceLink });

    public async Task<IReadOnlyList<SandboxSubscription>> SubscriptionsAsync(SandboxUser user) =>
        (await http.GetFromJsonAsync<List<SandboxSubscription>>($"{Api}/users/{user.UserId}/subscriptions"))!;

    /// <summary>Telegram charging the next period of a subscription (any charge id of it).</summary>
    public Task<SandboxPayment> RenewAsync(SandboxUser user, string chargeId) =>
        PostAsync<SandboxPayment>($"{Api}/users/{user.UserId}/subscriptions/renew", new { chargeId });

    /// <summary>The player switches renewal back on in Telegram's settings (refused while the bot's cancellation holds).</summary>
    public async Task<HttpResponseMessage> ReenableAsync(SandboxUser user, string chargeId) =>
        await http.PostAsJsonAsync($"{Api}/users/{user.UserId}/subscriptions/reenable", new { chargeId });

    /// <summary>Many paid invoices of the user at once: a long Star transaction history (no updates reach the bot).</summary>
    public Task<SandboxStarHistory> SeedStarHistoryAsync(SandboxUser user, int count, int amount, string chargePrefix) =>
        PostAsync<SandboxStarHistory>($"{Api}/users/{user.UserId}/stars/history", new { count, amount, chargePrefix });

    /// <summary>The bytes of the document the bot sent in that message (sendDocument).</summary>
    public Task<byte[]> DocumentAsync(SandboxUser user, int messageId) =>
        http.GetByteArrayAsync($"{Api}/users/{user.UserId}/chat/{messageId}/document");

    public Task BlockAsync(SandboxUser user) => http.PostAsync($"{Api}/users/{user.UserId}/block", null);

    public async Task<IReadOnlyList<SandboxChatItem>> ChatAsync(SandboxUser user) =>
        (await http.GetFromJsonAsync<List<SandboxChatItem>>($"{Api}/users/{user.UserId}/chat"))!;

    public async Task<IReadOnlyList<SandboxCall>> CallsAsync(long since = 0, string? method = null) =>
        (await http.GetFromJsonAsync<List<SandboxCall>>($"{Api}/calls?since={since}" + (method is null ? "" : $"&method={method}")))!;

    /// <summary>Telegram refuses refunds of <paramref name="chargeId"/> with 400 "Bad Request: <paramref name="description"/>" from now on.</summary>
    public async Task RefuseRefundsAsync(string chargeId, string description)
    {
        using var response = await http.PostAsJsonAsync($"{Api}/payments/{Uri.EscapeDataString(chargeId)}/refund-refusal", new { description });
        response.EnsureSuccessStatusCode();
    }

    public async Task AllowRefundsAsync(string chargeId)
    {
        using var response = await http.DeleteAsync($"{Api}/payments/{Uri.EscapeDataString(chargeId)}/refund-refusal");
        response.EnsureSuccessStatusCode();
    }

    public async Task SettingsAsync(bool rateLimits, int duplicateDeliveries)
    {
        using var response = await http.PostAsJsonAsync($"{Api}/settings", new { rateLimits, duplicateDeliveries });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls the player's chat until <paramref name="done"/> holds (the bot answers asynchronously).</summary>
    public async Task<IReadOnlyList<SandboxChatItem>> WaitForChatAsync(
        SandboxUser user, Func<IReadOnlyList<SandboxChatItem>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var chat = await ChatAsync(user);
            if (done(chat)) return chat;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Chat never reached the expected state: " + string.Join(" | ", chat.Select(c => c.Text)));
            await Task.Delay(100);
        }
    }

    private async Task<T> PostAsync<T>(string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
