using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// Known rows for the overview: 1 234 players, 3 games and 5 answers "today", 2 running games,
/// plus one finished game with 2 answers two days earlier that must not count as today.
/// </summary>
public static class OverviewSeed
{
    public const int Players = 1234;
    public const int GamesToday = 3;
    public const int AnswersToday = 5;
    public const int ActiveGames = 2;

    public static async Task SeedAsync(QuizDbContext db, DateTimeOffset today)
    {
        var earlier = today.AddDays(-2);
        await GameAsync(db, today, SessionState.Active, questions: 3, answers: 3);
        await GameAsync(db, today, SessionState.Finished, questions: 2, answers: 2);
        await GameAsync(db, today, SessionState.Paused, questions: 1, answers: 0);
        await GameAsync(db, earlier, SessionState.Finished, questions: 2, answers: 2);

        for (var i = 0; i < Players - 4; i++)
        {
            db.Players.Add(TestData.Player(earlier, $"Spieler {i}"));
        }
        await db.SaveChangesAsync();
    }

    private static async Task GameAsync(QuizDbContext db, DateTimeOffset at, SessionState state, int questions, int answers)
    {
        var (player, session) = await TestData.SeedGameAsync(db, at, questions);
        session.State = state;
        session.FinishedAt = Quiz.Core.Game.GameSession.IsOpen(state) ? null : at;
        foreach (var question in session.Questions.Take(answers))
        {
            db.AnswerEvents.Add(new AnswerEvent
            {
                SessionId = session.Id,
                Ordinal = question.Ordinal,
                PlayerId = player.Id,
                QuestionId = question.QuestionId,
                ChosenPosition = 1,
                IsCorrect = true,
                Points = 100,
                AnswerMs = 1500,
                CreatedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }
}
