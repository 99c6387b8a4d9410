using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>"⚠️ Frage melden": ask for the reason, then store the report (only for questions the player was asked).</summary>
public sealed class ReportHandler(QuestionReports reports, BotReplies replies) : ICallbackArea
{
    Task ICallbackArea.HandleAsync(ButtonPress press, CancellationToken ct) => HandleAsync(press.QueryId, press.ChatId, press.Player, press.Data, ct);

    public async Task HandleAsync(string callbackQueryId, long chatId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        if (data.Action == GameButtons.ReportAction && data.Args.Count == 1)
        {
            await replies.AnswerCallbackAsync(callbackQueryId, null, ct);
            await replies.SendAsync(chatId, De.ReportAsk, GameButtons.ReportReasons(data.Args[0]), ct);
            return;
        }
        if (data.Action != GameButtons.ReasonAction || !GameButtons.TryParseReason(data, out var questionId, out var reason))
        {
            await replies.AnswerCallbackAsync(callbackQueryId, De.StaleButton, ct);
            return;
        }
        var result = await reports.ReportAsync(player.Id, questionId, reason, ct);
        var text = result.Outcome switch
        {
            ReportOutcome.Reported => De.ReportThanks,
            ReportOutcome.AlreadyReported => De.ReportDuplicate,
            _ => De.StaleButton,
        };
        await replies.AnswerCallbackAsync(callbackQueryId, text, ct);
    }
}
