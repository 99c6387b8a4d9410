using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;

namespace Quiz.Core.Questions.Stats;

/// <summary>What one run counted and changed.</summary>
public sealed record QuestionStatsResult(int AnswersCounted, int QuestionsTouched, int Recalibrated);

/// <summary>
/// Keeps <see cref="QuestionStats"/> up to date from <c>answer_events</c>, run by the worker's clustered job; nothing on the answer
/// path. Incremental: each run takes the settled answer events after the cursor (at most <see cref="CalibrationOptions.BatchMaxAnswers"/>,
/// and only up to the first one younger than <see cref="CalibrationOptions.SettleSeconds"/>, so one still in an open transaction
/// cannot be passed), adds their counts to the questions they touch, recomputes those questions' median answer time, calibrates
/// every question's difficulty against the current thresholds and moves the cursor — all in one transaction that first locks the
/// cursor row. A second run (another worker, or one overlapping a killed one) waits for that lock and then continues after the
/// moved cursor; a killed run rolls back whole. A row also remembers the last event it counted, and a batch is only added to a row
/// that has not counted past the batch's start, so no event is ever counted twice.
/// </summary>
public sealed class QuestionStatsRun(
    IDbContextFactory<QuizDbContext> contexts, TimeProvider time, IOptionsMonitor<CalibrationOptions> options, ILogger<QuestionStatsRun> logger)
{
    /// <summary>The median answer time is taken over a question's latest this many answers with a choice (bounded work per question).</summary>
    public const int MedianWindow = 1_000;

    public async Task<QuestionStatsResult> RunAsync(CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO question_stats_cursor (id, last_answer_id, updated_at) VALUES ({QuestionStatsCursor.SingletonId}, 0, {now}) ON CONFLICT (id) DO NOTHING", ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var from = (await db.Database.SqlQuery<long>(
            $"SELECT last_answer_id AS \"Value\" FROM question_stats_cursor WHERE id = {QuestionStatsCursor.SingletonId} FOR UPDATE").ToListAsync(ct)).Single();

        var settled = now.AddSeconds(-settings.SettleSeconds);
        var to = (await db.Database.SqlQuery<long>($"""
            SELECT coalesce(max(id), {from}) AS "Value"
            FROM (SELECT id FROM answer_events
                  WHERE id > {from}
                    AND id < coalesce((SELECT min(id) FROM answer_events WHERE id > {from} AND created_at >= {settled}), 9223372036854775807)
                  ORDER BY id LIMIT {settings.BatchMaxAnswers}) t
            """).ToListAsync(ct)).Single();

        var (answers, touched) = to > from ? await CountAsync(db, from, to, now, ct) : (0, 0);
        var recalibrated = await CalibrateAsync(db, settings, now, ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE question_stats_cursor SET last_answer_id = {to}, updated_at = {now} WHERE id = {QuestionStatsCursor.SingletonId}", ct);
        await tx.CommitAsync(ct);

        if (answers > 0 || recalibrated > 0)
        {
            logger.LogInformation("Question statistics counted {Answers} answers of {Questions} questions; {Recalibrated} difficulties changed",
                answers, touched, recalibrated);
        }
        return new QuestionStatsResult(answers, touched, recalibrated);
    }

    private sealed class Counted
    {
        public int Answers { get; init; }
        public int Questions { get; init; }
    }

    /// <summary>Adds the events (from, to] to their questions' rows and recomputes those questions' median answer time.</summary>
    private static async Task<(int Answers, int Questions)> CountAsync(QuizDbContext db, long from, long to, DateTimeOffset now, CancellationToken ct)
    {
        var counted = (await db.Database.SqlQuery<Counted>($"""
            WITH batch AS (
              SELECT question_id, count(*)::int AS asked, (count(*) FILTER (WHERE is_correct))::int AS correct,
                     (count(*) FILTER (WHERE chosen_position IS NULL))::int AS timed_out, max(id) AS last_id
              FROM answer_events WHERE id > {from} AND id <= {to}
              GROUP BY question_id),
            figures AS (
              SELECT b.*, m.ms
              FROM batch b
              JOIN questions q ON q.id = b.question_id
              CROSS JOIN LATERAL (
                SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY w.answer_ms))::int AS ms
                FROM (SELECT a.answer_ms FROM answer_events a
                      WHERE a.question_id = b.question_id AND a.chosen_position IS NOT NULL AND a.id <= {to}
                      ORDER BY a.created_at DESC LIMIT {MedianWindow}) w) m),
            written AS (
              INSERT INTO question_stats AS s (question_id, asked, correct, timed_out, median_answer_ms, last_answer_id, updated_at)
              SELECT question_id, asked, correct, timed_out, ms, last_id, {now} FROM figures
              ON CONFLICT (question_id) DO UPDATE SET
                asked = s.asked + excluded.asked,
                correct = s.correct + excluded.correct,
                timed_out = s.timed_out + excluded.timed_out,
                median_answer_ms = coalesce(excluded.median_answer_ms, s.median_answer_ms),
                last_answer_id = excluded.last_answer_id,
                updated_at = excluded.updated_at
              WHERE s.last_answer_id <= {from}
              RETURNING s.question_id)
            SELECT (SELECT coalesce(sum(asked), 0)::int FROM batch) AS "Answers", (SELECT count(*)::int FROM written) AS "Questions"
            """).ToListAsync(ct)).Single();
        return (counted.Answers, counted.Questions);
    }

    /// <summary>Every question's calibrated difficulty against the current settings (a changed setting applies to all at the next run).</summary>
    private static async Task<int> CalibrateAsync(QuizDbContext db, CalibrationOptions settings, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE question_stats s SET calibrated_difficulty = c.difficulty, updated_at = {now}
            FROM (SELECT question_id,
                         (CASE WHEN asked < {settings.MinAnswers} THEN NULL
                               WHEN correct::bigint * 100 >= {settings.EasyMinCorrectPercent} * asked THEN 1
                               WHEN correct::bigint * 100 < {settings.HardBelowCorrectPercent} * asked THEN 3
                               ELSE 2 END)::smallint AS difficulty
                  FROM question_stats) c
            WHERE s.question_id = c.question_id AND s.calibrated_difficulty IS DISTINCT FROM c.difficulty
            """, ct);
}
