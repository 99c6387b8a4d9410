using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Data;

/// <summary>The database is the last line of defence: invalid rows are refused even past the domain code.</summary>
public sealed class SchemaConstraintTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private async Task<PostgresException> RejectedAsync(Action<Quiz.Core.Data.QuizDbContext> change)
    {
        await using var db = database.CreateContext();
        if (await db.Categories.FindAsync("geografie") is null)
        {
            db.Categories.Add(TestData.Category());
            await db.SaveChangesAsync();
        }
        change(db);
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        return Assert.IsType<PostgresException>(ex.InnerException);
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, "ck_questions_options")]
    [InlineData(new[] { "a", "b", "c", "a" }, "ck_questions_options")]
    [InlineData(new[] { "a", "b", "c", "" }, "ck_questions_options")]
    public async Task Question_options_must_be_four_distinct_non_empty_texts(string[] options, string constraint)
    {
        var rejected = await RejectedAsync(db =>
        {
            var q = TestData.Question($"q-{Guid.NewGuid():N}"[..12], "geografie", Now);
            q.Options = options;
            db.Questions.Add(q);
        });
        Assert.Equal(constraint, rejected.ConstraintName);
    }

    [Fact]
    public async Task Question_difficulty_must_be_between_1_and_3()
    {
        var rejected = await RejectedAsync(db =>
        {
            var q = TestData.Question("geo-9001", "geografie", Now);
            q.Difficulty = 4;
            db.Questions.Add(q);
        });
        Assert.Equal("ck_questions_difficulty", rejected.ConstraintName);
    }

    [Fact]
    public async Task Question_with_an_unknown_category_is_refused()
    {
        var rejected = await RejectedAsync(db => db.Questions.Add(TestData.Question("geo-9002", "gibt-es-nicht", Now)));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, rejected.SqlState);
    }

    [Fact]
    public async Task Finished_session_needs_a_finished_at()
    {
        var rejected = await RejectedAsync(db => db.GameSessions.Add(new GameSession
        {
            Id = Guid.CreateVersion7(),
            Player = TestData.Player(Now),
            Mode = GameMode.Quick,
            State = SessionState.Finished,
            QuestionCount = 10,
            StartedAt = Now,
            LastActivityAt = Now,
        }));
        Assert.Equal("ck_game_sessions_finished_at", rejected.ConstraintName);
    }

    [Fact]
    public async Task Wrong_answer_cannot_carry_points()
    {
        await using var seed = database.CreateContext();
        var (player, session) = await TestData.SeedGameAsync(seed, Now);

        var rejected = await RejectedAsync(db => db.AnswerEvents.Add(new AnswerEvent
        {
            SessionId = session.Id,
            Ordinal = 0,
            PlayerId = player.Id,
            QuestionId = session.Questions[0].QuestionId,
            ChosenPosition = 2,
            IsCorrect = false,
            Points = 100,
            CreatedAt = Now,
        }));
        Assert.Equal("ck_answer_events_points_need_correct", rejected.ConstraintName);
    }

    [Fact]
    public async Task Answer_for_a_question_that_was_never_in_the_session_is_refused()
    {
        await using var seed = database.CreateContext();
        var (player, session) = await TestData.SeedGameAsync(seed, Now);

        var rejected = await RejectedAsync(db => db.AnswerEvents.Add(new AnswerEvent
        {
            SessionId = session.Id,
            Ordinal = 5,
            PlayerId = player.Id,
            QuestionId = session.Questions[0].QuestionId,
            ChosenPosition = 1,
            CreatedAt = Now,
        }));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, rejected.SqlState);
    }

    [Fact]
    public async Task Same_update_id_cannot_be_processed_twice()
    {
        await using (var db = database.CreateContext())
        {
            db.ProcessedUpdates.Add(new ProcessedUpdate { UpdateId = 4711, ReceivedAt = Now });
            await db.SaveChangesAsync();
        }
        var rejected = await RejectedAsync(db => db.ProcessedUpdates.Add(new ProcessedUpdate { UpdateId = 4711, ReceivedAt = Now }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, rejected.SqlState);
    }

    [Fact]
    public async Task Sent_outbox_message_needs_processed_at()
    {
        var rejected = await RejectedAsync(db => db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = "send_message",
            ChatId = 1,
            State = OutboxState.Sent,
            CreatedAt = Now,
            AvailableAt = Now,
        }));
        Assert.Equal("ck_outbox_messages_processed_at", rejected.ConstraintName);
    }

    [Fact]
    public async Task Outbox_idempotency_key_is_unique()
    {
        OutboxMessage Notice() => new() { Kind = "send_message", ChatId = 1, IdempotencyKey = "turnier-7-start-42", CreatedAt = Now, AvailableAt = Now };
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.Add(Notice());
            await db.SaveChangesAsync();
        }
        var rejected = await RejectedAsync(db => db.OutboxMessages.Add(Notice()));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, rejected.SqlState);
    }

    [Fact]
    public async Task Unknown_question_status_is_refused_by_the_database()
    {
        await using var db = database.CreateContext();
        if (await db.Categories.FindAsync("geografie") is null) db.Categories.Add(TestData.Category());
        db.Questions.Add(TestData.Question("geo-9003", "geografie", Now));
        await db.SaveChangesAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE questions SET status = 'geloescht' WHERE id = 'geo-9003'"));
        Assert.Equal("ck_questions_status", ex.ConstraintName);
    }
}
