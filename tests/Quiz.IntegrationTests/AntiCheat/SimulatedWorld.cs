using Npgsql;
using NpgsqlTypes;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>A question as the simulation uses it: how easy it is and which wrong option tempts most.</summary>
internal sealed record SimQuestion(Question Question, double Ease, short Distractor);

internal sealed record SimSession(GameSession Session, List<SessionQuestion> Asked, List<AnswerEvent> Answers);

/// <summary>
/// Rows of a simulated population written in bulk (COPY for sessions, session questions and answers), so a thousand players'
/// games take seconds. Everything is drawn from one seeded <see cref="Random"/>: the same seed gives the same world.
/// </summary>
internal sealed class SimulatedWorld(PostgresDatabase database, Random random)
{
    public List<Player> Players { get; } = [];
    public List<SimQuestion> Questions { get; } = [];
    public List<QuestionSet> Sets { get; } = [];
    public List<SimSession> Sessions { get; } = [];
    public List<Duel> Duels { get; } = [];
    public Random Random => random;

    public Player AddPlayer(DateTimeOffset createdAt)
    {
        var player = TestData.Player(createdAt, $"Sim{Players.Count}");
        Players.Add(player);
        return player;
    }

    /// <summary>Questions and options of the lengths the real content has (question + options: about 70 to 200 characters).</summary>
    public void AddQuestions(int count, DateTimeOffset now, string category)
    {
        for (var i = 0; i < count; i++)
        {
            var q = TestData.Question($"sim-{category}-{i:D4}", category, now);
            q.Text = Words(random.Next(25, 130)) + "?";
            q.Options = [.. Enumerable.Range(0, 4).Select(o => $"{o}{Words(random.Next(4, 22))}")];
            q.CorrectOption = (short)random.Next(4);
            Questions.Add(new SimQuestion(q, random.NextDouble() * 2 - 1, (short)((q.CorrectOption + 1 + random.Next(3)) % 4)));
        }
    }

    public QuestionSet AddSet(QuestionSetKind kind, string key, IReadOnlyList<SimQuestion> questions, DateTimeOffset now)
    {
        var set = new QuestionSet { Id = Guid.NewGuid(), Kind = kind, Key = key, Seed = random.NextInt64(), CreatedAt = now };
        set.Items = [.. questions.Select((q, i) => new QuestionSetItem { SetId = set.Id, Ordinal = i, QuestionId = q.Question.Id, OptionOrder = [0, 1, 2, 3], CorrectPosition = q.Question.CorrectOption })];
        Sets.Add(set);
        return set;
    }

    /// <summary>
    /// One game: each question goes out when the last answer arrived (plus a delivery delay), in an option order of its own;
    /// <paramref name="answer"/> says which option (content index) the player picks and after how many milliseconds.
    /// </summary>
    public SimSession Play(long player, GameMode mode, QuestionSet? set, IReadOnlyList<SimQuestion> questions, DateTimeOffset start,
        Func<int, SimQuestion, DateTimeOffset, (short Option, int Ms)> answer)
    {
        var session = new GameSession
        {
            Id = Guid.NewGuid(), PlayerId = player, Mode = mode, State = SessionState.Finished, QuestionCount = questions.Count,
            StartedAt = start, QuestionSetId = set?.Id, Seed = random.NextInt64(),
        };
        var played = new SimSession(session, [], []);
        var sentAt = start;
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var order = Enumerable.Range(0, 4).Select(o => (short)o).OrderBy(_ => random.Next()).ToArray();
            var (option, ms) = answer(i, q, sentAt);
            var at = sentAt.AddMilliseconds(ms);
            var correct = option == q.Question.CorrectOption;
            played.Asked.Add(new SessionQuestion
            {
                SessionId = session.Id, Ordinal = i, QuestionId = q.Question.Id, OptionOrder = order,
                CorrectPosition = (short)Array.IndexOf(order, q.Question.CorrectOption), SentAt = sentAt, DeadlineAt = sentAt.AddSeconds(20),
            });
            played.Answers.Add(new AnswerEvent
            {
                SessionId = session.Id, Ordinal = i, PlayerId = player, QuestionId = q.Question.Id, ChosenPosition = (short)Array.IndexOf(order, option),
                IsCorrect = correct, Points = correct ? 100 : 0, AnswerMs = ms, CreatedAt = at,
            });
            session.Score += correct ? 100 : 0;
            session.CorrectCount += correct ? 1 : 0;
            sentAt = at.AddMilliseconds(random.Next(200, 800));
        }
        session.LastActivityAt = played.Answers[^1].CreatedAt;
        session.FinishedAt = session.LastActivityAt;
        Sessions.Add(played);
        return played;
    }

    /// <summary>Players, categories and questions (the players get their ids).</summary>
    public async Task SavePlayersAsync()
    {
        await using var db = database.CreateContext();
        db.Categories.AddRange(Questions.Select(q => q.Question.CategoryId).Distinct().Select(c => TestData.Category(c, c)));
        db.Players.AddRange(Players);
        db.Questions.AddRange(Questions.Select(q => q.Question));
        await db.SaveChangesAsync();
    }

    /// <summary>The sets, the games with their questions and answers, and the duels.</summary>
    public async Task SaveGamesAsync()
    {
        await using (var db = database.CreateContext())
        {
            db.QuestionSets.AddRange(Sets);
            await db.SaveChangesAsync();
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY game_sessions (id, player_id, mode, state, seed, question_count, score, correct_count, best_streak, started_at, last_activity_at, finished_at, question_set_id, extra_life_used, fast_answers) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in Sessions.Select(p => p.Session))
            {
                await copy.WriteRowAsync(default, s.Id, s.PlayerId, s.Mode.ToString().ToLowerInvariant(), "finished", s.Seed, s.QuestionCount!.Value, s.Score, s.CorrectCount, 0,
                    s.StartedAt, s.LastActivityAt, s.FinishedAt!.Value, s.QuestionSetId is { } set ? set : DBNull.Value, false, 0);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY session_questions (session_id, ordinal, question_id, option_order, correct_position, sent_at, deadline_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var q in Sessions.SelectMany(p => p.Asked))
            {
                await copy.WriteRowAsync(default, q.SessionId, q.Ordinal, q.QuestionId, q.OptionOrder, q.CorrectPosition, q.SentAt!.Value, q.DeadlineAt!.Value);
            }
            await copy.CompleteAsync();
        }
        // In the order they arrived, as the identity would number them in production.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY answer_events (session_id, ordinal, player_id, question_id, chosen_position, is_correct, points, answer_ms, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in Sessions.SelectMany(p => p.Answers).OrderBy(a => a.CreatedAt))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(a.SessionId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.Ordinal, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.PlayerId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(a.QuestionId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.ChosenPosition!.Value, NpgsqlDbType.Smallint);
                await copy.WriteAsync(a.IsCorrect, NpgsqlDbType.Boolean);
                await copy.WriteAsync(a.Points, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.AnswerMs, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var db = database.CreateContext())
        {
            db.Duels.AddRange(Duels);
            await db.SaveChangesAsync();
        }

        // Statistics as autovacuum keeps them in production; right after a bulk load the planner would guess blind.
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE game_sessions, session_questions, answer_events, duels, players", owner);
        await analyze.ExecuteNonQueryAsync();
    }

    private string Words(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = i % 7 == 6 ? ' ' : (char)('a' + random.Next(26));
        return new string(chars);
    }
}
