using Quiz.Core.Players;
using Quiz.Core.Questions;

namespace Quiz.Core.Game;

public enum GameMode
{
    Quick,
    Category,
    Survival,
    Daily,
    Duel,
    Tournament,
}

public enum SessionState
{
    Active,
    Paused,
    Finished,
    Abandoned,
}

/// <summary>One game a player plays, from the first question to its result.</summary>
public sealed class GameSession
{
    public Guid Id { get; set; }
    public long PlayerId { get; set; }
    public Player? Player { get; set; }
    public GameMode Mode { get; set; }
    public SessionState State { get; set; }
    public string? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>Seed of the session's deterministic question selection.</summary>
    public long Seed { get; set; }

    /// <summary>Planned number of questions; null where the mode has no fixed length (Überleben).</summary>
    public int? QuestionCount { get; set; }
    public int Score { get; set; }
    public int CorrectCount { get; set; }
    public int BestStreak { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The shared question set (Tagesquiz, Duell, Turnier); null when questions are picked per player.</summary>
    public Guid? QuestionSetId { get; set; }

    /// <summary>A hard end for the whole game (a tournament's end): no question is asked and no answer counts from then on.</summary>
    public DateTimeOffset? PlayUntil { get; set; }

    /// <summary>Überleben: the run was saved once by an Extra-Leben.</summary>
    public bool ExtraLifeUsed { get; set; }

    /// <summary>Answers in this game faster than the question and its options can be read (counted by the anti-cheat watch).</summary>
    public int FastAnswers { get; set; }
    public List<SessionQuestion> Questions { get; set; } = [];

    /// <summary>One attempt per player and shared question set.</summary>
    public const string UniqueAttemptPerSet = "ux_game_sessions_player_question_set";

    public static bool IsOpen(SessionState state) => state is SessionState.Active or SessionState.Paused;
}
