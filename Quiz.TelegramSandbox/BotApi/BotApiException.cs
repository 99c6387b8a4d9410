namespace Quiz.TelegramSandbox.BotApi;

/// <summary>A refusal in Telegram's shape: HTTP status = error_code, description, optional retry_after.</summary>
public sealed class BotApiException(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
