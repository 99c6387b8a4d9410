using Quiz.Core.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

/// <summary>One recorded answer as the statistics job reads it: correct, wrong (with a choice) or timed out (no choice).</summary>
internal sealed record SeededAnswer(string QuestionId, bool Correct, int AnswerMs, bool TimedOut = false)
{
    public static IEnumerable<SeededAnswer> Many(string questionId, int correct, int wrong, int timedOut = 0, int answerMs = 5000) =>
        Enumerable.Repeat(new SeededAnswer(questionId, true, answerMs), correct)
            .Concat(Enumerable.Repeat(new SeededAnswer(questionId, false, answerMs), wrong))
            .Concat(Enumerable.Repeat(new SeededAnswer(questionId, false, 20_000, TimedOut: true), timedOut));
}

/// <summary>Answer events as the game writes them: finished one-question games of a new player (a game asks a question once).</summary>
internal static class AnswerSeed
{
    public static async Task AnswersAsync(PostgresDatabase database, DateTimeOffset at, IEnumerable<SeededAnswer> answers)
    {
        await using var db = database.CreateContext();
        var player = TestData.Player(at, "Statistik");
        db.Players.Add(player);
        var games = answers.Select(a => (Answer: a, Session: new GameSession
        {
            Id = Guid.CreateVersion7(),
            Player = player,
            Mode = GameMode.Quick,
            State = SessionState.Finished,
            QuestionCount = 1,
            StartedAt = at,
            LastActivityAt = at,
            FinishedAt = at,
            Questions = [new SessionQuestion { Ordinal = 0, QuestionId = a.QuestionId, OptionOrder = [0, 1, 2, 3], CorrectPosition = 0, SentAt = at, DeadlineAt = at.AddSeconds(20) }],
        })).ToList();
        db.GameSessions.AddRange(games.Select(g => g.Session));
        await db.SaveChangesAsync();
        db.AnswerEvents.AddRange(games.Select(g => new AnswerEvent
        {
            SessionId = g.Session.Id,
            Ordinal = 0,
            PlayerId = player.Id,
            QuestionId = g.Answer.QuestionId,
            ChosenPosition = g.Answer.TimedOut ? null : g.Answer.Correct ? (short)0 : (short)1,
            IsCorrect = g.Answer.Correct,
            Points = g.Answer.Correct ? 100 : 0,
            AnswerMs = g.Answer.AnswerMs,
            CreatedAt = at,
        }));
        await db.SaveChangesAsync();
    }
}
