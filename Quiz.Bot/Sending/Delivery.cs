using Quiz.Bot.RateLimiting;

namespace Quiz.Bot.Sending;

/// <summary>
/// How a direct send may use the budget inside an update's handling (<see cref="TelegramSender.DeliverAsync"/>): its lane,
/// how long it may wait for the overall budget and for its chat's own bucket, and whether it queues behind the
/// chat's outbox backlog. Whatever cannot go within these bounds is handed to the outbox.
/// </summary>
public sealed record Delivery(SendLane Lane, TimeSpan MaxWait, TimeSpan MaxChatWait, bool BehindBacklog);
