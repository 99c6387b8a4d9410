using Quiz.Bot.RateLimiting;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>A send budget that is always free.</summary>
internal sealed class NoLimit : ITelegramRateLimiter
{
    public ValueTask AcquireAsync(long chatId, CancellationToken ct) => ValueTask.CompletedTask;
}

/// <summary>A Telegram client that records the messages it was asked to send and answers every call with success.</summary>
internal sealed class RecordingTelegram : ITelegramBotClient
{
    public List<SendMessageRequest> Messages { get; } = [];
    public bool LocalBotServer => false;
    public long BotId => 123456;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }
    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

    public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (request is SendMessageRequest message) Messages.Add(message);
        object result = typeof(TResponse) == typeof(Message) ? new Message { Id = 99, Chat = new Chat { Id = 1 } } : true;
        return Task.FromResult((TResponse)result);
    }

    public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
