using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Questions;

namespace Quiz.Core.Game;

/// <summary>Reads the candidates and a player's history for the selection engine.</summary>
internal static class QuestionBank
{
    public const int HistoryWindow = 300;

    /// <summary>The active questions, ordered by id, with each one's effective difficulty (calibrated from answers, else authored).</summary>
    public static async Task<(List<Candidate> Candidates, Dictionary<string, short> Difficulties)> ActiveAsync(QuizDbContext db, CancellationToken ct)
    {
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active)
            .OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.PatternKey, q.CorrectOption, q.Related, Difficulty = q.Stats!.CalibratedDifficulty ?? q.Difficulty })
            .ToListAsync(ct);
        var candidates = RelatedQuestions.Link([.. rows.Select(r => (new Candidate(r.Id, r.PatternKey, r.CorrectOption), (IReadOnlyCollection<string>)r.Related))]);
        return (candidates, rows.ToDictionary(r => r.Id, r => r.Difficulty, StringComparer.Ordinal));
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
