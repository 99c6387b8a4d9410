using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

/// <summary>What the transport hands an update to; <see cref="UpdateRouter"/> in production.</summary>
public interface IUpdateHandler
{
    Task RouteAsync(Update update, CancellationToken ct);
}
