using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

using Quiz.Core.Questions;

namespace Quiz.Core.Game;

public enum ReportOutcome
{
    Reported,

    /// <summary>This player's earlier report on the question is still open.</summary>
    AlreadyReported,

    /// <summary>The player was never asked this question (forged button) or it does not exist.</summary>
    NotAsked,
}

/// <summary>Result of a report; <see cref="Suspended"/> when this report reached the threshold.</summary>
public sealed record ReportResult(ReportOutcome Outcome, bool Suspended = false);

/// <summary>
/// Players report questions they were asked (a Game use-case: it checks the answer history). Reports on one question are serialised by its row
/// lock; <see cref="QuestionReport.SuspendThreshold"/> open reports suspend an active question
/// until a moderator decides. The filtered unique index keeps one open report per player.
/// </summary>
public sealed class QuestionReports(QuizDbContext db, TimeProvider time)
{
    public async Task<ReportResult> ReportAsync(long playerId, string questionId, ReportReason reason, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(reason)) return new ReportResult(ReportOutcome.NotAsked);
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = (await db.Questions.FromSqlInterpolated($"SELECT * FROM questions WHERE id = {questionId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        var asked = question is not null && await db.AnswerEvents.AnyAsync(a => a.PlayerId == playerId && a.QuestionId == questionId, ct);
        if (question is null || !asked) return new ReportResult(ReportOutcome.NotAsked);
        if (await db.QuestionReports.AnyAsync(r => r.QuestionId == questionId && r.PlayerId == playerId && r.Status == ReportStatus.Open, ct))
        {
            return new ReportResult(ReportOutcome.AlreadyReported);
        }

        db.QuestionReports.Add(new QuestionReport { QuestionId = questionId, PlayerId = playerId, Reason = reason, Status = ReportStatus.Open, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        var open = await db.QuestionReports.CountAsync(r => r.QuestionId == questionId && r.Status == ReportStatus.Open, ct);
        var suspend = open >= QuestionReport.SuspendThreshold && question.Status == QuestionStatus.Active;
        if (suspend)
        {
            question.Status = QuestionStatus.Suspended;
            question.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new ReportResult(ReportOutcome.Reported, suspend);
    }
}
