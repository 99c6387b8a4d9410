using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

public static class Updates
{
    /// <summary>
    /// Polls getUpdates without long polling (so it also works on a fake clock) until an update of the
    /// given type shows up; updates are not confirmed, so earlier ones stay visible.
    /// </summary>
    public static async Task<JsonObject> WaitForAsync(BotApiCaller bot, string type, Func<JsonObject, bool>? match = null)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            var found = (await bot.GetUpdatesAsync()).Select(u => u!.AsObject())
                .LastOrDefault(u => u[type] is JsonObject body && (match?.Invoke(body) ?? true));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {type} update arrived");
    }

    /// <summary>A valid Stars invoice for sendInvoice; tests override single fields.</summary>
    public static Dictionary<string, object?> Invoice(long chatId, int amount = 50) => new()
    {
        ["chat_id"] = chatId,
        ["title"] = "10 Spiele",
        ["description"] = "Zehn weitere Spiele für Dich",
        ["payload"] = "inv-0001",
        ["currency"] = "XTR",
        ["prices"] = new[] { new { label = "10 Spiele", amount } },
    };
}
