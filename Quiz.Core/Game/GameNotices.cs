namespace Quiz.Core.Game;

/// <summary>Topics of <see cref="Messaging.NoticePayload"/> that the game writes to the outbox.</summary>
public static class GameNotices
{
    /// <summary>The worker revealed the answer of a question left unanswered (session, ordinal).</summary>
    public const string QuestionTimedOut = "game.question_timed_out";

    /// <summary>A game ended without the player's last tap (timeout in Überleben or at the last question): show the result.</summary>
    public const string GameEnded = "game.ended";

    /// <summary>A game ended because the player was silent for the idle limit: show the result.</summary>
    public const string GameIdleEnded = "game.idle_ended";

    /// <summary>Both sides of a duel finished: the result for the player who finished first (session = theirs).</summary>
    public const string DuelResult = "duel.result";

    /// <summary>Nobody accepted the duel in time (subject = duel id).</summary>
    public const string DuelExpired = "duel.expired";
}
