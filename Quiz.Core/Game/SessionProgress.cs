using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Duels;
using Quiz.Core.Game.Scoring;

namespace Quiz.Core.Game;

/// <summary>What one recorded answer (or timeout) did to the session.</summary>
internal sealed record Progress(AnswerEvent Answer, bool Late, bool Finished, bool ExtraLifeUsed);

/// <summary>
/// The session state machine in one place, shared by the player's answer, the "Weiter" after a
/// missed limit and the worker's timeout: record the answer, update score and streak, decide
/// whether the game is over (last question, or the first mistake in Überleben unless an Extra-Leben
/// saves the run) and finish it. Runs inside the caller's transaction with the session row locked.
/// </summary>
internal static class SessionProgress
{
    /// <param name="chosen">Chosen display position, or null when the time ran out without an answer.</param>
    public static async Task<Progress> RecordAsync(
        QuizDbContext db, PlayAllowance allowance, GameOptions options, GameSession session, SessionQuestion asked, short? chosen, DateTimeOffset now, CancellationToken ct)
    {
        var sentAt = asked.SentAt ?? now;
        var elapsed = now - sentAt;
        var late = chosen is null || AnswerScoring.IsLate(sentAt, now, options.AnswerLimit);
        var correct = !late && chosen == asked.CorrectPosition;
        var points = AnswerScoring.Points(correct, elapsed, options.AnswerLimit);
        var answerMs = chosen is null ? options.AnswerLimit.TotalMilliseconds : elapsed.TotalMilliseconds;
        var answer = new AnswerEvent
        {
            SessionId = session.Id,
            Ordinal = asked.Ordinal,
            PlayerId = session.PlayerId,
            QuestionId = asked.QuestionId,
            ChosenPosition = chosen,
            IsCorrect = correct,
            Points = points,
            AnswerMs = (int)Math.Clamp(answerMs, 0, int.MaxValue),
            CreatedAt = now,
        };
        db.AnswerEvents.Add(answer);

        var streak = correct ? await CurrentStreakAsync(db, session.Id, ct) + 1 : 0;
        session.Score += points;
        session.CorrectCount += correct ? 1 : 0;
        session.BestStreak = Math.Max(session.BestStreak, streak);
        if (chosen is not null) session.LastActivityAt = now;

        var finished = session.QuestionCount is { } count && asked.Ordinal + 1 >= count;
        var rescued = false;
        if (!correct && session.Mode == GameMode.Survival)
        {
            rescued = !session.ExtraLifeUsed && await allowance.TryUseExtraLifeAsync(db, session, now, ct);
            session.ExtraLifeUsed |= rescued;
            finished |= !rescued;
        }
        if (finished) await FinishAsync(db, session, now, ct);
        return new Progress(answer, late, finished, rescued);
    }

    /// <summary>Ends the session with its result; a finished duel side may complete the duel.</summary>
    public static async Task FinishAsync(QuizDbContext db, GameSession session, DateTimeOffset now, CancellationToken ct)
    {
        session.State = SessionState.Finished;
        session.FinishedAt = now;
        if (session.Mode == GameMode.Duel) await DuelCompletion.OnSessionFinishedAsync(db, session, now, ct);
    }

    private static async Task<int> CurrentStreakAsync(QuizDbContext db, Guid sessionId, CancellationToken ct)
    {
        var recent = await db.AnswerEvents.Where(a => a.SessionId == sessionId).OrderByDescending(a => a.Ordinal)
            .Select(a => a.IsCorrect).ToListAsync(ct);
        return recent.TakeWhile(c => c).Count();
    }
}
