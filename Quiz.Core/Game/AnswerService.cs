using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;

namespace Quiz.Core.Game;

/// <summary>
/// The <c>SubmitAnswer</c> use-case. Time runs on the server: from sent-at to the arrival of the
/// answer; after the deadline it counts as wrong. The session row lock serialises double taps and
/// two devices; the unique (session, ordinal) index is the last line of defence.
/// </summary>
public sealed class AnswerService(QuizDbContext db, TimeProvider time, PlayAllowance allowance, IOptions<GameOptions> gameOptions)
{
    private readonly GameOptions options = gameOptions.Value;

    public async Task<AnswerResult> SubmitAnswerAsync(Guid sessionId, long playerId, int ordinal, short chosenPosition, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State) || now >= session.PlayUntil || chosenPosition is < 0 or > 3)
        {
            return new AnswerResult(AnswerOutcome.SessionClosed);
        }
        var asked = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (asked is null || asked.Ordinal != ordinal || asked.SentAt is null) return new AnswerResult(AnswerOutcome.NotCurrent);

        // An option the 50:50 joker took away has no button any more: only a forged press can name it.
        if (asked.RemovedPositions?.Contains(chosenPosition) == true) return new AnswerResult(AnswerOutcome.NotCurrent);
        var question = await db.Questions.AsNoTracking().Include(q => q.Category).SingleAsync(q => q.Id == asked.QuestionId, ct);
        if (await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == ordinal, ct))
        {
            return new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation, QuestionId: question.Id);
        }

        var progress = await SessionProgress.RecordAsync(db, allowance, options, session, asked, chosenPosition, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(AnswerEvent.UniquePerSessionQuestion))
        {
            return new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation, QuestionId: question.Id);
        }
        var outcome = progress.Late ? AnswerOutcome.Late : progress.Answer.IsCorrect ? AnswerOutcome.Correct : AnswerOutcome.Wrong;
        // The question as the player saw it, for the verdict edit (no second read of the same rows).
        var seen = new QuestionView(session.Id, asked.Ordinal, session.QuestionCount, session.Mode, question.Category!.Name, question.Text,
            asked.OptionOrder.Select(i => question.Options[i]).ToList(), asked.DeadlineAt!.Value, asked.RemovedPositions ?? [], JokersLeft: 0);
        return new AnswerResult(outcome, asked.CorrectPosition, progress.Answer.Points, question.Explanation, progress.Finished, question.Id, progress.ExtraLifeUsed, seen);
    }
}
