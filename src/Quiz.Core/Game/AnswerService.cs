using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Scoring;

namespace Quiz.Core.Game;

/// <summary>
/// The <c>SubmitAnswer</c> use-case. Time runs on the server: from sent-at to the arrival of the
/// answer; after the deadline it counts as wrong. The session row lock serialises double taps and
/// two devices; the unique (session, ordinal) index is the last line of defence.
/// </summary>
public sealed class AnswerService(QuizDbContext db, TimeProvider time)
{
    public async Task<AnswerResult> SubmitAnswerAsync(Guid sessionId, long playerId, int ordinal, short chosenPosition, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameService.LockSessionAsync(db, sessionId, ct);
        if (session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State) || chosenPosition is < 0 or > 3)
        {
            return new AnswerResult(AnswerOutcome.SessionClosed);
        }
        var asked = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (asked is null || asked.Ordinal != ordinal || asked.SentAt is null) return new AnswerResult(AnswerOutcome.NotCurrent);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == asked.QuestionId, ct);
        if (await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == ordinal, ct))
        {
            return new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation);
        }

        var elapsed = now - asked.SentAt.Value;
        var late = AnswerScoring.IsLate(asked.SentAt.Value, now, GameRules.AnswerLimit);
        var correct = !late && chosenPosition == asked.CorrectPosition;
        var points = AnswerScoring.Points(correct, elapsed, GameRules.AnswerLimit);
        db.AnswerEvents.Add(new AnswerEvent
        {
            SessionId = sessionId,
            Ordinal = ordinal,
            PlayerId = playerId,
            QuestionId = asked.QuestionId,
            ChosenPosition = chosenPosition,
            IsCorrect = correct,
            Points = points,
            AnswerMs = (int)Math.Clamp(elapsed.TotalMilliseconds, 0, int.MaxValue),
            CreatedAt = now,
        });

        var streak = correct ? await CurrentStreakAsync(sessionId, ct) + 1 : 0;
        session.Score += points;
        session.CorrectCount += correct ? 1 : 0;
        session.BestStreak = Math.Max(session.BestStreak, streak);
        session.LastActivityAt = now;
        var finished = session.QuestionCount is { } count && ordinal + 1 >= count;
        if (finished)
        {
            session.State = SessionState.Finished;
            session.FinishedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(AnswerEvent.UniquePerSessionQuestion))
        {
            return new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation);
        }
        var outcome = late ? AnswerOutcome.Late : correct ? AnswerOutcome.Correct : AnswerOutcome.Wrong;
        return new AnswerResult(outcome, asked.CorrectPosition, points, question.Explanation, finished);
    }

    private async Task<int> CurrentStreakAsync(Guid sessionId, CancellationToken ct)
    {
        var recent = await db.AnswerEvents.Where(a => a.SessionId == sessionId).OrderByDescending(a => a.Ordinal)
            .Select(a => a.IsCorrect).ToListAsync(ct);
        return recent.TakeWhile(c => c).Count();
    }
}
