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
        var (answer, late) = Answer(options, session, asked, chosen, now);
        var correct = answer.IsCorrect;
        db.AnswerEvents.Add(answer);

        Count(session, answer, correct ? await CurrentStreakAsync(db, session.Id, ct) + 1 : 0, now);
        var finished = IsLast(session, asked.Ordinal);
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

    /// <summary>
    /// The answer row for a choice (null: the time ran out) as the server's clock sees it: late (after the limit, counts as
    /// wrong), correct, points, answer time. Pure, shared by every path that records an answer.
    /// </summary>
    public static (AnswerEvent Answer, bool Late) Answer(GameOptions options, GameSession session, SessionQuestion asked, short? chosen, DateTimeOffset now)
    {
        var sentAt = asked.SentAt ?? now;
        var elapsed = now - sentAt;
        var late = chosen is null || AnswerScoring.IsLate(sentAt, now, options.AnswerLimit);
        var correct = !late && chosen == asked.CorrectPosition;
        var answerMs = chosen is null ? options.AnswerLimit.TotalMilliseconds : elapsed.TotalMilliseconds;
        var answer = new AnswerEvent
        {
            SessionId = session.Id,
            Ordinal = asked.Ordinal,
            PlayerId = session.PlayerId,
            QuestionId = asked.QuestionId,
            ChosenPosition = chosen,
            IsCorrect = correct,
            Points = AnswerScoring.Points(correct, elapsed, options.AnswerLimit),
            AnswerMs = (int)Math.Clamp(answerMs, 0, int.MaxValue),
            CreatedAt = now,
        };
        return (answer, late);
    }

    /// <summary>Score, correct answers and best streak of the session after <paramref name="answer"/> (<paramref name="streak"/>: the run of correct answers it ends).</summary>
    public static void Count(GameSession session, AnswerEvent answer, int streak, DateTimeOffset now)
    {
        session.Score += answer.Points;
        session.CorrectCount += answer.IsCorrect ? 1 : 0;
        session.BestStreak = Math.Max(session.BestStreak, streak);
        if (answer.ChosenPosition is not null) session.LastActivityAt = now;
    }

    /// <summary>The answer to question <paramref name="ordinal"/> is the game's last (a fixed-length mode).</summary>
    public static bool IsLast(GameSession session, int ordinal) => session.QuestionCount is { } count && ordinal + 1 >= count;

    /// <summary>The run of correct answers up to now, from the session's answers newest first.</summary>
    public static int Streak(IEnumerable<bool> newestFirst) => newestFirst.TakeWhile(c => c).Count();

    /// <summary>Ends the session with its result; a finished duel side may complete the duel.</summary>
    public static async Task FinishAsync(QuizDbContext db, GameSession session, DateTimeOffset now, CancellationToken ct)
    {
        End(session, now);
        if (session.Mode == GameMode.Duel) await DuelCompletion.OnSessionFinishedAsync(db, session, now, ct);
    }

    /// <summary>The session's own part of the finish (a duel side also needs <see cref="FinishAsync"/>).</summary>
    public static void End(GameSession session, DateTimeOffset now)
    {
        session.State = SessionState.Finished;
        session.FinishedAt = now;
    }

    private static async Task<int> CurrentStreakAsync(QuizDbContext db, Guid sessionId, CancellationToken ct)
    {
        var recent = await db.AnswerEvents.Where(a => a.SessionId == sessionId).OrderByDescending(a => a.Ordinal)
            .Select(a => a.IsCorrect).ToListAsync(ct);
        return Streak(recent);
    }
}
