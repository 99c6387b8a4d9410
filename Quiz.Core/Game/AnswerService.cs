using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Game.Selection;
using Quiz.Core.Messaging;

namespace Quiz.Core.Game;

/// <summary>
/// The <c>SubmitAnswer</c> use-case. Time runs on the server: from sent-at to the arrival of the
/// answer; after the deadline it counts as wrong. The session row lock serialises double taps and
/// two devices; the unique (session, ordinal) index is the last line of defence.
/// </summary>
public sealed partial class AnswerService(
    QuizDbContext db, TimeProvider time, PlayAllowance allowance, IOptions<GameOptions> gameOptions, IEnumerable<IAnswerWatch> watches,
    QuestionBankCache bank, GameService games, SharedSetSeeds seeds, CoreMetrics metrics)
{
    private readonly GameOptions options = gameOptions.Value;

    public async Task<AnswerResult> SubmitAnswerAsync(Guid sessionId, long playerId, int ordinal, short chosenPosition, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (InboundUpdate.IsResumed && session?.PlayerId == playerId && await RecordedAsync(session, ordinal, GameSession.IsOpen(session.State), ct) is { } recorded)
        {
            return Shown(session, recorded);
        }
        if (session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State) || now >= session.PlayUntil || chosenPosition is < 0 or > 3)
        {
            return new AnswerResult(AnswerOutcome.SessionClosed);
        }
        var asked = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        // An earlier question's message keeps its buttons (one message per answer: the verdict comes with the next question).
        if (asked is not null && ordinal >= 0 && ordinal < asked.Ordinal) return new AnswerResult(AnswerOutcome.Passed);
        if (asked is null || asked.Ordinal != ordinal || asked.SentAt is null) return new AnswerResult(AnswerOutcome.NotCurrent);

        // An option the 50:50 joker took away has no button any more: only a forged press can name it.
        if (asked.RemovedPositions?.Contains(chosenPosition) == true) return new AnswerResult(AnswerOutcome.NotCurrent);
        var question = await bank.ContentAsync(asked.QuestionId, ct);
        if (await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == ordinal, ct))
        {
            return Shown(session, new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation, QuestionId: question.Id));
        }

        var progress = await SessionProgress.RecordAsync(db, allowance, options, session, asked, chosenPosition, now, ct);
        var seen = new AnswerSeen(session, progress.Answer, question.Text, Shown(asked, question));
        var followUps = watches.Where(w => w.Recording(seen)).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(AnswerEvent.UniquePerSessionQuestion))
        {
            return Shown(session, new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation, QuestionId: question.Id));
        }
        foreach (var watch in followUps) await watch.RecordedAsync(seen, ct);
        var outcome = progress.Late ? AnswerOutcome.Late : progress.Answer.IsCorrect ? AnswerOutcome.Correct : AnswerOutcome.Wrong;
        return Shown(session, new AnswerResult(outcome, asked.CorrectPosition, progress.Answer.Points, question.Explanation, progress.Finished, question.Id,
            progress.ExtraLifeUsed, Seen(session, asked, question)));
    }

    private static AnswerResult Shown(GameSession session, AnswerResult result) => GameRules.RevealsAnswersWhilePlaying(session.Mode) ? result : result.Hidden();

    /// <summary>
    /// The verdict on the player's own tap on that question as it was shown (null: no tap — the clock timed it out — or no
    /// such question). The message of the next question carries it on top, so an edit of that message (the 50:50 joker,
    /// the clock's reveal) renders it again.
    /// </summary>
    public async Task<AnswerResult?> VerdictAsync(Guid sessionId, int ordinal, CancellationToken ct = default)
    {
        var session = ordinal < 0 ? null : await db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        // A later question was asked, so the run went on after this answer.
        return session is not null && await RecordedAsync(session, ordinal, continued: true, ct) is { } recorded ? Shown(session, recorded) : null;
    }

    /// <summary>
    /// A redelivered answer whose first handling recorded it and was then cut off: its verdict as it
    /// was recorded, so the player sees it and the next question; nothing is counted again.
    /// </summary>
    private async Task<AnswerResult?> RecordedAsync(GameSession session, int ordinal, bool continued, CancellationToken ct)
    {
        var answer = await db.AnswerEvents.AsNoTracking().SingleOrDefaultAsync(a => a.SessionId == session.Id && a.Ordinal == ordinal && a.ChosenPosition != null, ct);
        if (answer is null) return null;
        var asked = await db.SessionQuestions.AsNoTracking().SingleAsync(q => q.SessionId == session.Id && q.Ordinal == ordinal, ct);
        var question = await bank.ContentAsync(asked.QuestionId, ct);
        var late = AnswerScoring.IsLate(asked.SentAt ?? answer.CreatedAt, answer.CreatedAt, options.AnswerLimit);
        // Überleben survives only its first mistake, and only with the Extra-Leben: a wrong answer the run went on after was that one.
        var savedByExtraLife = session.Mode == GameMode.Survival && !answer.IsCorrect && session.ExtraLifeUsed && continued;
        return new AnswerResult(late ? AnswerOutcome.Late : answer.IsCorrect ? AnswerOutcome.Correct : AnswerOutcome.Wrong, asked.CorrectPosition, answer.Points,
            question.Explanation, !GameSession.IsOpen(session.State), question.Id, savedByExtraLife, Seen(session, asked, question));
    }

    /// <summary>The options in play when the player answered (the 50:50 joker took two away).</summary>
    private static List<string> Shown(SessionQuestion asked, QuestionContent question) =>
        [.. asked.OptionOrder.Where((_, position) => asked.RemovedPositions?.Contains((short)position) != true).Select(i => question.Options[i])];

    /// <summary>The question as the player saw it, for the verdict edit (no second read of the same rows).</summary>
    private static QuestionView Seen(GameSession session, SessionQuestion asked, QuestionContent question) => NextQuestion.View(session, asked, question, jokersLeft: 0);
}
