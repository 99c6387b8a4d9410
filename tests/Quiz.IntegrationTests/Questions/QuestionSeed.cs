using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

/// <summary>Rows for the console's question use-cases: categories, questions, and players who were asked and report.</summary>
internal static class QuestionSeed
{
    public static async Task CategoryAsync(PostgresDatabase database, string id, string name, int sortOrder = 1)
    {
        await using var db = database.CreateContext();
        db.Categories.Add(new Category { Id = id, Name = name, SortOrder = sortOrder });
        await db.SaveChangesAsync();
    }

    public static async Task<Question> QuestionAsync(
        PostgresDatabase database, string id, string categoryId, DateTimeOffset now, string? text = null,
        short difficulty = 1, QuestionStatus status = QuestionStatus.Active)
    {
        var question = TestData.Question(id, categoryId, now);
        question.Text = text ?? question.Text;
        question.Difficulty = difficulty;
        question.Status = status;
        await using var db = database.CreateContext();
        db.Questions.Add(question);
        await db.SaveChangesAsync();
        return question;
    }

    /// <summary>A new player who was asked <paramref name="questionId"/> and reports it through the players' use-case (from <paramref name="core"/>).</summary>
    public static async Task<ReportResult> ReportAsync(CoreServices core, string questionId, DateTimeOffset now, ReportReason reason)
    {
        await using var scope = core.Scope();
        var db = scope.Db;
        var (player, session) = await TestData.SeedGameAsync(db, now);
        var seeded = session.Questions.Single().QuestionId;
        await db.SessionQuestions.Where(q => q.SessionId == session.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.QuestionId, questionId));
        await db.Questions.Where(q => q.Id == seeded).ExecuteDeleteAsync();
        db.AnswerEvents.Add(new AnswerEvent
        {
            SessionId = session.Id,
            Ordinal = 0,
            PlayerId = player.Id,
            QuestionId = questionId,
            ChosenPosition = 0,
            IsCorrect = false,
            AnswerMs = 4000,
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return await scope.Get<QuestionReports>().ReportAsync(player.Id, questionId, reason);
    }

    public static async Task<Question> LoadAsync(PostgresDatabase database, string id)
    {
        await using var db = database.CreateContext();
        return await db.Questions.AsNoTracking().SingleAsync(q => q.Id == id);
    }
}
