namespace Quiz.Core.Game;

public enum StartOutcome
{
    Started,
    QuotaExhausted,
    UnknownCategory,

    /// <summary>Tagesquiz: this Berlin day's attempt is used.</summary>
    AlreadyPlayed,
    NoQuestions,

    /// <summary>The player's tournament attempt is still running: a new game would end it, so none starts.</summary>
    TournamentInProgress,
}

/// <summary>The start's outcome; <see cref="PaidWith"/> says whether a free game, a credit or Premium paid for it.</summary>
public sealed record StartResult(StartOutcome Outcome, Guid? SessionId = null, Allowance PaidWith = Allowance.Free);

/// <summary>
/// A question as the player sees it: options already in display order (A–D). <see cref="Removed"/>
/// are the positions a 50:50 joker took away; <see cref="JokersLeft"/> is what the player could
/// still use on it (0 where the mode allows none or one was used).
/// </summary>
public sealed record QuestionView(
    Guid SessionId, int Ordinal, int? Total, GameMode Mode, string Category, string Text, IReadOnlyList<string> Options, DateTimeOffset Deadline,
    IReadOnlyList<short> Removed, int JokersLeft);

/// <summary>A question with its answer as the worker's timeout reveals it; <see cref="MessageId"/> is the message to edit.
/// <see cref="AnswerHidden"/>: a running tournament's answer (no correct position, no explanation; <see cref="GameRules.RevealsAnswersWhilePlaying"/>).</summary>
public sealed record QuestionReveal(QuestionView Question, string QuestionId, short CorrectPosition, string Explanation, long? MessageId, SessionState State, bool AnswerHidden = false);

public enum AnswerOutcome
{
    Correct,
    Wrong,

    /// <summary>Arrived after the deadline; counts as wrong with 0 points.</summary>
    Late,
    AlreadyAnswered,

    /// <summary>Not the session's current question (a forged button).</summary>
    NotCurrent,

    /// <summary>The session is not this player's or no longer running.</summary>
    SessionClosed,

    /// <summary>An earlier question of the player's running game: its message keeps its buttons once the next question is there.</summary>
    Passed,
}

/// <summary>
/// The verdict on one answer. <see cref="ExtraLifeUsed"/>: an Überleben run continued after this
/// wrong answer because an Extra-Leben saved it. <see cref="Asked"/>: the counted question as the
/// player saw it, for the verdict edit.
/// </summary>
public sealed record AnswerResult(
    AnswerOutcome Outcome,
    short CorrectPosition = -1,
    int Points = 0,
    string Explanation = "",
    bool SessionFinished = false,
    string QuestionId = "",
    bool ExtraLifeUsed = false,
    QuestionView? Asked = null,
    bool AnswerHidden = false)
{
    /// <summary>The same verdict without the correct option and explanation (a running tournament).</summary>
    public AnswerResult Hidden() => this with { CorrectPosition = -1, Explanation = "", AnswerHidden = true };

    public bool Counted => Outcome is AnswerOutcome.Correct or AnswerOutcome.Wrong or AnswerOutcome.Late;
}
