using Microsoft.Extensions.Options;
using Quiz.Bot.Outbox;
using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Handlers;

/// <summary>
/// The game's messages with one message per answer (<c>docs/decisions/0013-one-message-per-answer.md</c>): the verdict
/// on the answer (✅/❌, points, the correct option, 💡) comes on top of the next question or of the result, as a quote,
/// with "⚠️ Frage n melden" for the answered question. The answered message stays as it was. A later edit of such a
/// message (the 50:50 joker, the clock's reveal) renders the verdict on top again, from what Core recorded.
/// </summary>
public sealed class GameMessages(GameService games, AnswerService answers, IOptions<GameOptions> gameOptions)
{
    private int Seconds => gameOptions.Value.AnswerLimitSeconds;

    /// <summary>The question with its answer buttons (and the joker), below the verdict on the previous answer if there is one.</summary>
    public SendMessagePayload Question(QuestionView next, AnswerResult? answered) =>
        new(WithVerdict(answered, De.Question(next, Seconds)), WithReport(GameButtons.Answers(next), answered), new QuestionRef(next.SessionId, next.Ordinal));

    /// <summary>The end of the game (<see cref="GameResults"/>) below the verdict on the last answer.</summary>
    public static SendMessagePayload Result(SendMessagePayload summary, AnswerResult? answered) =>
        summary with { Text = WithVerdict(answered, summary.Text), Buttons = WithReport(summary.Buttons ?? [], answered) };

    /// <summary>An asked question again as its message shows it (after the 50:50 joker), or null when it is gone.</summary>
    public async Task<SendMessagePayload?> QuestionAgainAsync(Guid session, int ordinal, CancellationToken ct) =>
        await games.GetAskedQuestionAsync(session, ordinal, ct) is { } asked ? Question(asked, await answers.VerdictAsync(session, ordinal - 1, ct)) : null;

    /// <summary>
    /// The clock's reveal of an unanswered question: its message gets the correct option (in a running tournament only
    /// "time up") and, while the game pauses, "Weiter ▶️".
    /// </summary>
    public async Task<RenderedNotice?> RevealAsync(Guid session, int ordinal, CancellationToken ct)
    {
        if (await games.GetRevealAsync(session, ordinal, ct) is not { } reveal) return null;
        var q = reveal.Question;
        var paused = reveal.State == SessionState.Paused;
        var text = De.Question(q, Seconds)
            + "\n\n" + (reveal.AnswerHidden
                ? De.HiddenVerdict(late: true, correct: false, 0)
                : De.Verdict(late: true, correct: false, 0, De.Letters[reveal.CorrectPosition], q.Options[reveal.CorrectPosition], reveal.Explanation))
            + (paused ? "\n\n" + De.Paused : "");
        var buttons = paused ? GameButtons.Paused(session, reveal.QuestionId, ordinal) : [GameButtons.Report(reveal.QuestionId, ordinal)];
        var answered = await answers.VerdictAsync(session, ordinal - 1, ct);
        return new RenderedNotice(new SendMessagePayload(WithVerdict(answered, text), WithReport(buttons, answered)), reveal.MessageId);
    }

    /// <summary>The verdict on one counted answer: right or wrong, points, the correct option and 💡 (a running tournament: without those two).</summary>
    public static string Verdict(AnswerResult r)
    {
        var late = r.Outcome == AnswerOutcome.Late;
        var correct = r.Outcome == AnswerOutcome.Correct;
        var verdict = r.AnswerHidden || r.Asked is null
            ? De.HiddenVerdict(late, correct, r.Points)
            : De.Verdict(late, correct, r.Points, De.Letters[r.CorrectPosition], r.Asked.Options[r.CorrectPosition], r.Explanation);
        return r.ExtraLifeUsed ? verdict + "\n" + De.ExtraLifeSaved : verdict;
    }

    private static string WithVerdict(AnswerResult? answered, string text) => answered is null ? text : De.VerdictAbove(Verdict(answered), text);

    private static IReadOnlyList<IReadOnlyList<MessageButton>> WithReport(IReadOnlyList<IReadOnlyList<MessageButton>> rows, AnswerResult? answered) =>
        answered?.Asked is { } asked ? [.. rows, GameButtons.Report(answered.QuestionId, asked.Ordinal)] : rows;
}
