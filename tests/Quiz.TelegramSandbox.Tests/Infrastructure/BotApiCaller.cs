using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>The Bot API's answer: HTTP status and the JSON envelope.</summary>
public sealed record ApiReply(HttpStatusCode Status, JsonObject Body)
{
    public bool Ok => Body["ok"]!.GetValue<bool>();

    public JsonNode Result => Body["result"] ?? throw new InvalidOperationException("no result: " + Body.ToJsonString());

    public string? Description => Body["description"]?.GetValue<string>();

    public int? ErrorCode => Body["error_code"]?.GetValue<int>();

    /// <summary>Asserts a refusal with Telegram's status, code and text.</summary>
    public void ShouldFail(int code, string description)
    {
        Assert.False(Ok, Body.ToJsonString());
        Assert.Equal(code, (int)Status);
        Assert.Equal(code, ErrorCode);
        Assert.Equal(description, Description);
    }

    public JsonNode ShouldSucceed()
    {
        Assert.True(Ok, Body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, Status);
        return Result;
    }
}

/// <summary>Raw Bot API calls (JSON body unless said otherwise), to see exactly what goes over the wire.</summary>
public sealed class BotApiCaller(HttpClient http, string token = SandboxHost.Token)
{
    public string Path(string method) => $"/bot{token}/{method}";

    public async Task<ApiReply> CallAsync(string method, object? parameters = null)
    {
        using var response = await http.PostAsJsonAsync(Path(method), parameters ?? new { });
        return await ReadAsync(response);
    }

    public async Task<ApiReply> FormAsync(string method, IDictionary<string, string> fields)
    {
        using var response = await http.PostAsync(Path(method), new FormUrlEncodedContent(fields));
        return await ReadAsync(response);
    }

    /// <summary>multipart/form-data; <paramref name="files"/> are uploaded as file parts under their parameter name.</summary>
    public async Task<ApiReply> MultipartAsync(string method, IDictionary<string, string> fields, IDictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, (fileName, bytes)) in files ?? new Dictionary<string, (string, byte[])>())
        {
            content.Add(new ByteArrayContent(bytes), name, fileName);
        }

        using var response = await http.PostAsync(Path(method), content);
        return await ReadAsync(response);
    }

    public async Task<ApiReply> GetAsync(string pathAndQuery)
    {
        using var response = await http.GetAsync(pathAndQuery);
        return await ReadAsync(response);
    }

    public async Task<JsonObject> SendTextAsync(long chatId, string text, object? replyMarkup = null) =>
        (await CallAsync("sendMessage", new { chat_id = chatId, text, reply_markup = replyMarkup })).ShouldSucceed().AsObject();

    public async Task<JsonArray> GetUpdatesAsync(long offset = 0, int timeout = 0) =>
        (await CallAsync("getUpdates", new { offset, timeout })).ShouldSucceed().AsArray();

    private static async Task<ApiReply> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new ApiReply(response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }
}
