using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Game;

public enum AnswerRecordOutcome
{
    Recorded,
    AlreadyAnswered,
}

/// <summary>
/// Stores an answer event. The unique (session, ordinal) constraint decides races between double
/// taps and devices: the loser gets <see cref="AnswerRecordOutcome.AlreadyAnswered"/>, not an exception.
/// </summary>
public sealed class AnswerRecorder(QuizDbContext db)
{
    public async Task<AnswerRecordOutcome> RecordAsync(AnswerEvent answer, CancellationToken ct = default)
    {
        db.AnswerEvents.Add(answer);
        try
        {
            await db.SaveChangesAsync(ct);
            return AnswerRecordOutcome.Recorded;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(AnswerEvent.UniquePerSessionQuestion))
        {
            db.Entry(answer).State = EntityState.Detached;
            return AnswerRecordOutcome.AlreadyAnswered;
        }
    }
}
