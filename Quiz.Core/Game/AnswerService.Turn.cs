using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Messaging;

namespace Quiz.Core.Game;

/// <summary>
/// An answer with what the reply needs next: the next question, already asked (its clock provisional until its message is
/// sent), or none after a counted answer that ended the game (the result follows).
/// </summary>
public sealed record AnswerTurn(AnswerResult Result, QuestionView? Next);

public sealed partial class AnswerService
{
    /// <summary>
    /// The answer update's use-case (ADR 0014): records the answer, scores it, picks the next question and completes the
    /// update's claim in one transaction of two round trips — the session row locked with everything the verdict and the
    /// pick need read in the first, the writes and the commit in the second; the questions' text comes from the cache.
    /// What that path does not cover (a redelivery, Überleben's wrong answer and its Extra-Leben, a duel's last answer, a
    /// bank or set with nothing left) goes through <see cref="SubmitAnswerAsync"/> and <see cref="GameService.GetNextQuestionAsync"/>
    /// — the same rules, the same outcome.
    /// </summary>
    public async Task<AnswerTurn> AnswerAsync(Guid sessionId, long playerId, int ordinal, short chosenPosition, CancellationToken ct = default)
    {
        if (InboundUpdate.IsResumed || chosenPosition is < 0 or > 3 || ordinal is < 0 or >= int.MaxValue) return await GeneralAsync(sessionId, playerId, ordinal, chosenPosition, ct);
        var now = time.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        AnswerTurn? turn;
        try
        {
            var state = await AnswerTurnStatements.LockAsync(connection, sessionId, playerId, ordinal + 1, ct);
            turn = await TurnAsync(connection, state, playerId, ordinal, chosenPosition, now, ct);
        }
        finally
        {
            // Closing hands the connection back to the pool, which rolls back whatever an exception left open.
            await db.Database.CloseConnectionAsync();
        }
        return turn ?? await GeneralAsync(sessionId, playerId, ordinal, chosenPosition, ct);
    }

    /// <summary>Decides and writes with the session locked; null: rolled back, the general path takes it.</summary>
    private async Task<AnswerTurn?> TurnAsync(NpgsqlConnection connection, TurnState state, long playerId, int ordinal, short chosen, DateTimeOffset now, CancellationToken ct)
    {
        var session = state.Session;
        var asked = state.Asked.Count == 0 ? null : state.Asked[^1];
        var refused = session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State) || now >= session.PlayUntil
            ? new AnswerResult(AnswerOutcome.SessionClosed)
            : asked is not null && ordinal < asked.Ordinal ? new AnswerResult(AnswerOutcome.Passed)
            : asked is null || asked.Ordinal != ordinal || asked.SentAt is null || asked.RemovedPositions?.Contains(chosen) == true ? new AnswerResult(AnswerOutcome.NotCurrent)
            : null;
        if (refused is not null || state.IsAnswered(ordinal))
        {
            await AnswerTurnStatements.RollbackAsync(connection, ct);
            if (refused is not null) return new AnswerTurn(refused, null);
            var content = await bank.ContentAsync(asked!.QuestionId, ct);
            return new AnswerTurn(Shown(session!, new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, content.Explanation, QuestionId: content.Id)), null);
        }

        var (answer, late) = SessionProgress.Answer(options, session!, asked!, chosen, now);
        var finished = SessionProgress.IsLast(session!, ordinal);
        // Überleben's first mistake may use an Extra-Leben from the wallet; a duel's last answer may complete the duel.
        var general = (!answer.IsCorrect && session!.Mode == GameMode.Survival) || (finished && session!.Mode == GameMode.Duel);
        (SessionQuestion Question, Relaxation? Relaxed)? next = null;
        if (!general && !finished)
        {
            next = session!.QuestionSetId is null
                ? await NextQuestion.FromBankAsync(session, ordinal + 1, bank, state.Game, state.History, ct) is { } pick
                    ? (pick.Question, pick.Relaxed) : null
                : state.NextItem is { } item ? (NextQuestion.FromSet(session, ordinal + 1, item, seeds), null) : null;
            general = next is null;
        }
        if (general)
        {
            await AnswerTurnStatements.RollbackAsync(connection, ct);
            return null;
        }

        SessionProgress.Count(session!, answer, answer.IsCorrect ? SessionProgress.Streak(state.NewestFirst) + 1 : 0, now);
        if (finished) SessionProgress.End(session!, now);
        else NextQuestion.Ask(session!, next!.Value.Question, now, options);
        var question = await bank.ContentAsync(asked!.QuestionId, ct);
        var seen = new AnswerSeen(session!, answer, question.Text, Shown(asked, question));
        var followUps = watches.Where(w => w.Recording(seen)).ToList();
        (long Chat, bool Pending) backlog;
        try
        {
            backlog = await AnswerTurnStatements.WriteAsync(connection, session!, answer, next?.Question, InboundUpdate.Current?.Id, now, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == AnswerEvent.UniquePerSessionQuestion)
        {
            // Not reachable while every writer of answers holds the session lock; the index is the last line of defence.
            await AnswerTurnStatements.RollbackAsync(connection, ct);
            return new AnswerTurn(Shown(session!, new AnswerResult(AnswerOutcome.AlreadyAnswered, asked.CorrectPosition, 0, question.Explanation, QuestionId: question.Id)), null);
        }
        Committed(session!, answer, finished, next?.Relaxed, backlog);
        foreach (var watch in followUps) await watch.RecordedAsync(seen, ct);

        var outcome = late ? AnswerOutcome.Late : answer.IsCorrect ? AnswerOutcome.Correct : AnswerOutcome.Wrong;
        var result = new AnswerResult(outcome, asked.CorrectPosition, answer.Points, question.Explanation, finished, question.Id, Asked: Seen(session!, asked, question));
        var view = next is { Question: var nextQuestion }
            ? NextQuestion.View(session!, nextQuestion, await bank.ContentAsync(nextQuestion.QuestionId, ct), GameRules.AllowsJoker(session!.Mode) ? state.Jokers : 0)
            : null;
        return new AnswerTurn(Shown(session!, result), view);
    }

    /// <summary>After the commit: the update is complete (the reply takes the chat's backlog read in the commit), and the metrics count what is now true (CommittedFacts' rules).</summary>
    private void Committed(GameSession session, AnswerEvent answer, bool finished, Relaxation? relaxed, (long Chat, bool Pending) backlog)
    {
        if (InboundUpdate.Current is { } update)
        {
            update.Committed = true;
            update.Completed = true;
            update.KnowBacklog(backlog.Chat, backlog.Pending);
        }
        CommittedFacts.AnswerCommitted(metrics, session, answer, finished);
        if (relaxed is { } r) metrics.SelectionRelaxed(r);
    }

    /// <summary>The answer through the general use-cases, then the next question (none once the game is over).</summary>
    private async Task<AnswerTurn> GeneralAsync(Guid sessionId, long playerId, int ordinal, short chosenPosition, CancellationToken ct)
    {
        var result = await SubmitAnswerAsync(sessionId, playerId, ordinal, chosenPosition, ct);
        var next = result.Counted ? await games.GetNextQuestionAsync(sessionId, playerId, ct) : null;
        return new AnswerTurn(result, next);
    }
}
