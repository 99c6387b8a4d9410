using Npgsql;
using NpgsqlTypes;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

/// <summary>What the answer's first round trip read with the session row locked (ADR 0014).</summary>
internal sealed record TurnState(
    GameSession? Session, IReadOnlyList<SessionQuestion> Asked, IReadOnlyList<HistoryEntry> Game, IReadOnlyList<(int Ordinal, bool Correct)> Answers,
    IReadOnlyList<HistoryEntry> History, int Jokers, QuestionSetItem? NextItem)
{
    public bool IsAnswered(int ordinal) => Answers.Any(a => a.Ordinal == ordinal);

    /// <summary>Correct answers, newest first (for the streak).</summary>
    public IEnumerable<bool> NewestFirst => Answers.OrderByDescending(a => a.Ordinal).Select(a => a.Correct);
}

/// <summary>
/// The answer update's two round trips in plain SQL (ADR 0014): one batch that begins the transaction, locks the session
/// row and reads everything the verdict and the next question need; one batch that writes the answer, the session, the
/// next question and the update's claim and commits. The batches run on the scope's own connection; the transaction is
/// raw <c>BEGIN</c>/<c>COMMIT</c> so the commit travels with the writes (closing the connection rolls back anything left open).
/// </summary>
internal static class AnswerTurnStatements
{
    private const string SessionColumns = """
        id, player_id, mode, state, category_id, seed, question_count, score, correct_count, best_streak,
        started_at, last_activity_at, finished_at, question_set_id, play_until, extra_life_used, fast_answers
        """;

    public static async Task<TurnState> LockAsync(NpgsqlConnection connection, Guid sessionId, long playerId, int nextOrdinal, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        Add(batch, $"SELECT {SessionColumns} FROM game_sessions WHERE id = $1 FOR UPDATE", sessionId);
        Add(batch, """
            SELECT sq.ordinal, sq.question_id, sq.option_order, sq.correct_position, sq.sent_at, sq.deadline_at, sq.removed_positions, sq.message_id, q.pattern_key
            FROM session_questions sq JOIN questions q ON q.id = sq.question_id WHERE sq.session_id = $1 ORDER BY sq.ordinal
            """, sessionId);
        Add(batch, "SELECT ordinal, is_correct FROM answer_events WHERE session_id = $1", sessionId);
        // The selection's history (QuestionBank.HistoryAsync), only when the next question is picked from the bank.
        Add(batch, $"""
            SELECT sq.question_id, sq.correct_position, q.pattern_key
            FROM session_questions sq JOIN game_sessions s ON s.id = sq.session_id JOIN questions q ON q.id = sq.question_id
            WHERE s.player_id = $2 AND sq.sent_at IS NOT NULL
              AND EXISTS (SELECT 1 FROM game_sessions g WHERE g.id = $1 AND g.question_set_id IS NULL AND (g.question_count IS NULL OR g.question_count > $3))
            ORDER BY sq.sent_at DESC LIMIT {QuestionBank.HistoryWindow}
            """, sessionId, playerId, nextOrdinal);
        Add(batch, "SELECT uses FROM entitlements WHERE player_id = $1 AND kind = 'joker'", playerId);
        Add(batch, """
            SELECT question_id, option_order, correct_position FROM question_set_items
            WHERE set_id = (SELECT question_set_id FROM game_sessions WHERE id = $1) AND ordinal = $2
            """, sessionId, nextOrdinal);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var session = await reader.ReadAsync(ct) ? ReadSession(reader) : null;
        await reader.NextResultAsync(ct);
        var asked = new List<SessionQuestion>();
        var game = new List<HistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            game.Add(new HistoryEntry(reader.GetString(1), reader.GetInt16(3), reader.IsDBNull(8) ? null : reader.GetString(8)));
            asked.Add(new SessionQuestion
            {
                SessionId = sessionId, Ordinal = reader.GetInt32(0), QuestionId = reader.GetString(1), OptionOrder = reader.GetFieldValue<short[]>(2),
                CorrectPosition = reader.GetInt16(3), SentAt = Opt<DateTimeOffset>(reader, 4), DeadlineAt = Opt<DateTimeOffset>(reader, 5),
                RemovedPositions = reader.IsDBNull(6) ? null : reader.GetFieldValue<short[]>(6), MessageId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            });
        }
        await reader.NextResultAsync(ct);
        var answers = new List<(int, bool)>();
        while (await reader.ReadAsync(ct)) answers.Add((reader.GetInt32(0), reader.GetBoolean(1)));
        await reader.NextResultAsync(ct);
        var history = new List<HistoryEntry>();
        while (await reader.ReadAsync(ct)) history.Add(new HistoryEntry(reader.GetString(0), reader.GetInt16(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        history.Reverse();
        await reader.NextResultAsync(ct);
        var jokers = await reader.ReadAsync(ct) ? reader.GetInt32(0) : 0;
        await reader.NextResultAsync(ct);
        var item = await reader.ReadAsync(ct)
            ? new QuestionSetItem { Ordinal = nextOrdinal, QuestionId = reader.GetString(0), OptionOrder = reader.GetFieldValue<short[]>(1), CorrectPosition = reader.GetInt16(2) }
            : null;
        return new TurnState(session, asked, game, answers, history, jokers, item);
    }

    /// <summary>
    /// The answer, the session's new state, the next question (if any) and the update's claim — committed together. The claim
    /// is marked committed and completed: the update is done once its effects are (<see cref="Messaging.InboundUpdate.Completed"/>).
    /// Returns the player's private chat and whether the outbox holds anything pending for it, read after the writes with
    /// the session locked, so the reply knows whether it must queue behind the outbox without another round trip.
    /// </summary>
    public static async Task<(long Chat, bool Pending)> WriteAsync(
        NpgsqlConnection connection, GameSession session, AnswerEvent answer, SessionQuestion? next, long? updateId, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, """
            INSERT INTO answer_events (session_id, ordinal, player_id, question_id, chosen_position, is_correct, points, answer_ms, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, answer.SessionId, answer.Ordinal, answer.PlayerId, answer.QuestionId, (object?)answer.ChosenPosition ?? DBNull.Value, answer.IsCorrect,
            answer.Points, answer.AnswerMs, answer.CreatedAt);
        var update = Add(batch, """
            UPDATE game_sessions SET state = $2, score = $3, correct_count = $4, best_streak = $5, last_activity_at = $6, finished_at = $7, fast_answers = $8
            WHERE id = $1
            """, session.Id, EnumColumns.ToColumn(session.State), session.Score, session.CorrectCount, session.BestStreak, session.LastActivityAt,
            DBNull.Value, session.FastAnswers);
        update.Parameters[6] = session.FinishedAt is { } finishedAt
            ? new NpgsqlParameter { Value = finishedAt }
            : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
        if (next is not null)
        {
            Add(batch, """
                INSERT INTO session_questions (session_id, ordinal, question_id, option_order, correct_position, sent_at, deadline_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, next.SessionId, next.Ordinal, next.QuestionId, next.OptionOrder, next.CorrectPosition, next.SentAt!.Value, next.DeadlineAt!.Value);
        }
        if (updateId is { } id)
        {
            Add(batch, "UPDATE processed_updates SET committed_at = coalesce(committed_at, $2), completed_at = $2 WHERE update_id = $1", id, now);
        }
        Add(batch, """
            SELECT p.telegram_user_id, EXISTS (SELECT 1 FROM outbox_messages o WHERE o.chat_id = p.telegram_user_id AND o.state = 'pending')
            FROM players p WHERE p.id = $1
            """, answer.PlayerId);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        (long, bool) backlog = default;
        do
        {
            if (reader.FieldCount == 2 && await reader.ReadAsync(ct)) backlog = (reader.GetInt64(0), reader.GetBoolean(1));
        }
        while (await reader.NextResultAsync(ct));
        return backlog;
    }

    /// <summary>Ends the transaction without writing (a refused tap, or the general path takes over).</summary>
    public static async Task RollbackAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("ROLLBACK", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        batch.BatchCommands.Add(command);
        return command;
    }

    private static T? Opt<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static GameSession ReadSession(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        PlayerId = r.GetInt64(1),
        Mode = Enum.Parse<GameMode>(r.GetString(2), ignoreCase: true),
        State = Enum.Parse<SessionState>(r.GetString(3), ignoreCase: true),
        CategoryId = r.IsDBNull(4) ? null : r.GetString(4),
        Seed = r.GetInt64(5),
        QuestionCount = Opt<int>(r, 6),
        Score = r.GetInt32(7),
        CorrectCount = r.GetInt32(8),
        BestStreak = r.GetInt32(9),
        StartedAt = r.GetFieldValue<DateTimeOffset>(10),
        LastActivityAt = r.GetFieldValue<DateTimeOffset>(11),
        FinishedAt = Opt<DateTimeOffset>(r, 12),
        QuestionSetId = Opt<Guid>(r, 13),
        PlayUntil = Opt<DateTimeOffset>(r, 14),
        ExtraLifeUsed = r.GetBoolean(15),
        FastAnswers = r.GetInt32(16),
    };
}
