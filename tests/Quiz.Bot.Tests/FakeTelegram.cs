using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>
/// An <see cref="ITelegramBotClient"/> that answers every request with the exception a test chose,
/// or with success (message id 99); it records the methods called, the messages sent and the
/// answers to button presses.
/// </summary>
public sealed class FakeTelegram(Exception? failure = null) : ITelegramBotClient
{
    public List<string> Methods { get; } = [];
    public List<SendMessageRequest> Messages { get; } = [];
    public List<AnswerCallbackQueryRequest> CallbackAnswers { get; } = [];
    public List<EditMessageTextRequest> Edits { get; } = [];

    /// <summary>Documents sent, with the uploaded bytes read when the request was made.</summary>
    public List<(SendDocumentRequest Request, byte[] Content)> Documents { get; } = [];

    public bool LocalBotServer => false;
    public long BotId => 123456;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }
    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

    public List<AnswerPreCheckoutQueryRequest> PreCheckoutAnswers { get; } = [];

    /// <summary>Every command menu set (setMyCommands), in order.</summary>
    public List<SetMyCommandsRequest> CommandMenus { get; } = [];

    /// <summary>What getWebhookInfo answers.</summary>
    public WebhookInfo WebhookInfo { get; set; } = new() { Url = "" };

    /// <summary>Asked before each call; an exception it returns fails the call (<see cref="CommitTrap.BeforeTelegramCall"/>).</summary>
    public Func<Exception?>? BeforeCall { get; set; }

    public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (BeforeCall?.Invoke() is { } cut) return Task.FromException<TResponse>(cut);
        // Updates handled in parallel (the tests of concurrent updates) record into the same lists.
        lock (Methods) Record(request);
        if (failure is not null) return Task.FromException<TResponse>(failure);
        object result = typeof(TResponse) == typeof(Message) ? new Message { Id = 99, Chat = new Chat { Id = 1 } }
            : typeof(TResponse) == typeof(WebhookInfo) ? WebhookInfo
            : typeof(TResponse) == typeof(User) ? new User { Id = BotId, IsBot = true, FirstName = "Quiz", Username = "quiz_test_bot" }
            : true;
        return Task.FromResult((TResponse)result);
    }

    private void Record<TResponse>(IRequest<TResponse> request)
    {
        Methods.Add(request.MethodName);
        if (request is SendMessageRequest message) Messages.Add(message);
        if (request is AnswerCallbackQueryRequest answer) CallbackAnswers.Add(answer);
        if (request is EditMessageTextRequest edit) Edits.Add(edit);
        if (request is AnswerPreCheckoutQueryRequest preCheckout) PreCheckoutAnswers.Add(preCheckout);
        if (request is SetMyCommandsRequest commands) CommandMenus.Add(commands);
        if (request is SendDocumentRequest { Document: InputFileStream upload } document)
        {
            using var copy = new MemoryStream();
            upload.Content.CopyTo(copy);
            Documents.Add((document, copy.ToArray()));
        }
    }

    public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public static ApiRequestException Error(int code, string description, int? retryAfter = null) =>
        new(description, code, retryAfter is null ? null : new ResponseParameters { RetryAfter = retryAfter });
}
