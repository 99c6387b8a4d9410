using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Bot.Handlers;

/// <summary>Renders the game use-cases: start, question messages, the verdict edit, the summary.</summary>
public sealed class GameHandler(GameService games, AnswerService answers, BotReplies replies, GameOptions options)
{
    public async Task StartAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        var start = await games.StartSessionAsync(player.Id, GameMode.Quick, ct: ct);
        if (start.Outcome != StartOutcome.Started)
        {
            await replies.SendAsync(chatId, De.QuotaExhausted, Menus.BackToMenu(), ct);
            return;
        }
        await SendNextAsync(chatId, player, start.SessionId!.Value, ct);
    }

    /// <summary>
    /// Answers the press at once (stale or forged buttons get the short notice), then edits the
    /// question with the verdict and sends the next one.
    /// </summary>
    public async Task AnswerAsync(string callbackQueryId, long chatId, int messageId, PlayerSnapshot player, CallbackData data, CancellationToken ct)
    {
        AnswerResult? result = null;
        if (GameButtons.TryParseAnswer(data, out var session, out var ordinal, out var position))
        {
            result = await answers.SubmitAnswerAsync(session, player.Id, ordinal, position, ct);
        }
        await replies.AnswerCallbackAsync(callbackQueryId, result is { Counted: true } ? null : De.StaleButton, ct);
        if (result is not { Counted: true }) return;

        var asked = await games.GetAskedQuestionAsync(session, ordinal, ct);
        if (asked is not null)
        {
            var text = De.Question(asked.Ordinal, asked.Total, asked.Category, asked.Text, asked.Options, options.AnswerLimitSeconds)
                + "\n\n" + De.Verdict(result.Outcome == AnswerOutcome.Late, result.Outcome == AnswerOutcome.Correct, result.Points,
                    De.Letters[result.CorrectPosition], asked.Options[result.CorrectPosition], result.Explanation);
            await replies.EditAsync(chatId, messageId, text, ct);
        }
        await SendNextAsync(chatId, player, session, ct);
    }

    private async Task SendNextAsync(long chatId, PlayerSnapshot player, Guid session, CancellationToken ct)
    {
        var next = await games.GetNextQuestionAsync(session, player.Id, ct);
        if (next is not null)
        {
            var text = De.Question(next.Ordinal, next.Total, next.Category, next.Text, next.Options, options.AnswerLimitSeconds);
            await replies.SendAsync(chatId, text, GameButtons.Answers(session, next.Ordinal), ct);
            return;
        }
        if (await games.GetSessionAsync(session, ct) is { State: SessionState.Finished } done)
        {
            await replies.SendAsync(chatId, De.Summary(done.Score, done.CorrectCount, done.CorrectCount, done.QuestionCount, done.BestStreak), GameButtons.AfterGame(), ct);
            return;
        }
        await replies.SendAsync(chatId, De.NoQuestions, Menus.BackToMenu(), ct);
    }
}
