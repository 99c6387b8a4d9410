using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Questions;

namespace Quiz.Core.Game;

/// <summary>Reads the candidates and a player's history for the selection engine.</summary>
internal static class QuestionBank
{
    public const int HistoryWindow = 300;

    public static async Task<List<Candidate>> ActiveAsync(QuizDbContext db, string? categoryId, short? difficulty, CancellationToken ct)
    {
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active
                && (categoryId == null || q.CategoryId == categoryId)
                && (difficulty == null || q.Difficulty == difficulty))
            .OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.PatternKey, q.CorrectOption, q.Related })
            .ToListAsync(ct);
        return RelatedQuestions.Link([.. rows.Select(r => (new Candidate(r.Id, r.PatternKey, r.CorrectOption), (IReadOnlyCollection<string>)r.Related))]);
    }

    /// <summary>The player's last <see cref="HistoryWindow"/> questions, oldest first.</summary>
    public static async Task<List<HistoryEntry>> HistoryAsync(QuizDbContext db, long playerId, CancellationToken ct)
    {
        var recent = await db.SessionQuestions.AsNoTracking()
            .Where(q => db.GameSessions.Any(s => s.Id == q.SessionId && s.PlayerId == playerId) && q.SentAt != null)
            .OrderByDescending(q => q.SentAt).Take(HistoryWindow)
            .Select(q => new { q.QuestionId, q.CorrectPosition, q.Question!.PatternKey })
            .ToListAsync(ct);
        recent.Reverse();
        return recent.Select(q => new HistoryEntry(q.QuestionId, q.CorrectPosition, q.PatternKey)).ToList();
    }
}
