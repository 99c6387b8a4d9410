using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Telegram.Bot.Types;

namespace Quiz.Bot.Inbound;

/// <summary>
/// The first step of every update, before the database is touched: a player over budget is
/// acknowledged and not handled (a flood costs one Redis round trip, not a claim, a transaction or a reply),
/// and hears "Bitte etwas langsamer" at most once per notice window (issue #12, item 1). A redelivery of an
/// admitted update (any replica) passes without drawing again: the update claim decides whether it runs.
/// </summary>
public sealed partial class InboundGate(InboundLimiter limiter, IServiceScopeFactory scopes, BotMetrics metrics, ILogger<InboundGate> logger)
{
    public async Task<bool> AdmitAsync(Update update, CancellationToken ct)
    {
        if (InboundKinds.Of(update) is not { } who) return true;
        var verdict = await limiter.JudgeAsync(update.Id, who.UserId, who.Kinds, ct);
        if (verdict.Admitted) return true;
        metrics.UpdateThrottled(who.Kinds[^1].ToString());
        if (verdict.NoticeDue) await NoticeAsync(update, ct);
        return false;
    }

    private async Task NoticeAsync(Update update, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var replies = scope.ServiceProvider.GetRequiredService<BotReplies>();
            if (update.CallbackQuery is { } query) await replies.AnswerCallbackAsync(query.Id, De.SlowDown, ct);
            else if (update.Message?.Chat is { } chat) await replies.SendNoticeAsync(chat.Id, De.SlowDown, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNoticeFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The slow-down notice could not be sent")]
    private partial void LogNoticeFailed(Exception ex);
}
