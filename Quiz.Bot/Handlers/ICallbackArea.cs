using Quiz.Bot.Replies;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>A button press whose data parsed, from a player who may play.</summary>
public sealed record ButtonPress(string QueryId, long ChatId, int MessageId, PlayerSnapshot Player, CallbackData Data);

/// <summary>
/// One area of button data (<c>area:action[:arg…]</c>): the handler that owns the area routes its actions in one
/// place, next to the area's button constants. Registered under its area names (<see cref="CallbackAreas"/>); an
/// unknown action gets the "no longer valid" answer and changes nothing.
/// </summary>
public interface ICallbackArea
{
    Task HandleAsync(ButtonPress press, CancellationToken ct);
}
