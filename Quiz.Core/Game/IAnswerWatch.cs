namespace Quiz.Core.Game;

/// <summary>One answer a player gave, as it was shown to them: the question and the options still in play.</summary>
public sealed record AnswerSeen(GameSession Session, AnswerEvent Answer, string QuestionText, IReadOnlyList<string> OptionsShown);

/// <summary>
/// Sees every answer a player gives (not the timeouts), for signals that are cheap at answer time (the anti-cheat's
/// fast answers). Game does not know who watches: the watchers are registered by their module.
/// </summary>
public interface IAnswerWatch
{
    /// <summary>
    /// Inside the answer's transaction with the session row locked, before the save: no I/O; it may count on the session
    /// (saved with the answer). True asks for <see cref="RecordedAsync"/> after the commit.
    /// </summary>
    bool Recording(AnswerSeen seen);

    /// <summary>After the commit, only for the answers <see cref="Recording"/> picked out; must not fail the answer.</summary>
    Task RecordedAsync(AnswerSeen seen, CancellationToken ct);
}
