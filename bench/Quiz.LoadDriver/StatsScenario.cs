using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Questions.Stats;

namespace Quiz.LoadDriver;

/// <summary>
/// The question statistics job (<see cref="QuestionStatsRun"/>, issue #16 item 3) over a large answer log: the content bank,
/// <see cref="Answers"/> answer events (100,000 finished games of 10 questions by 10,000 players, 5 % time-outs, a correct rate per
/// question between 10 and 95 %) seeded by bulk SQL an hour old, then the job run until it has counted them all (batches of
/// the default 50,000), then one more minute of traffic at 400 answers/s (24,000 events) and the run that counts it.
/// </summary>
internal static class StatsScenario
{
    public const int Answers = 1_000_000;
    private const int Minute = 24_000;

    public static async Task RunAsync(IServiceProvider core, string database)
    {
        Console.WriteLine($"Scenario stats: {Answers:N0} answer events seeded, then the statistics job until it has counted them …");
        var seed = Stopwatch.StartNew();
        await SeedAsync(database, Answers, "now() - interval '1 hour'");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {seed.Elapsed.TotalSeconds:F1} s"));
        var run = core.GetRequiredService<QuestionStatsRun>();

        var rows = new List<string>();
        var total = Stopwatch.StartNew();
        var (runs, counted, slowest) = (0, 0, 0.0);
        for (var watch = Stopwatch.StartNew(); (await run.RunAsync()) is { AnswersCounted: > 0 } result; watch.Restart())
        {
            (runs, counted, slowest) = (runs + 1, counted + result.AnswersCounted, Math.Max(slowest, watch.Elapsed.TotalSeconds));
        }
        total.Stop();
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| backlog of {counted:N0} events | {runs} | {total.Elapsed.TotalSeconds:F1} | {slowest:F2} | {counted / total.Elapsed.TotalSeconds:N0} |"));

        await SeedAsync(database, Minute, "now() - interval '2 minutes'");
        var incremental = Stopwatch.StartNew();
        var minute = await run.RunAsync();
        incremental.Stop();
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| one minute at 400/s ({minute.AnswersCounted:N0} events, {minute.QuestionsTouched:N0} questions) | 1 | {incremental.Elapsed.TotalSeconds:F2} | {incremental.Elapsed.TotalSeconds:F2} | {minute.AnswersCounted / incremental.Elapsed.TotalSeconds:N0} |"));

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var check = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM answer_events), (SELECT sum(asked) FROM question_stats), (SELECT count(*) FROM question_stats WHERE calibrated_difficulty IS NOT NULL)", connection);
            await using var reader = await check.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine($"answer events {reader.GetInt64(0):N0}, counted {reader.GetInt64(1):N0}, calibrated questions {reader.GetInt64(2):N0}");
        }
        Console.WriteLine();
        Console.WriteLine("| run | runs | total s | slowest run s | events/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary><paramref name="answers"/> events of finished 10-question games (one session question each), created at <paramref name="at"/>.</summary>
    private static async Task SeedAsync(string database, int answers, string at)
    {
        var games = (answers / 10).ToString(CultureInfo.InvariantCulture);
        var players = Math.Max(1, answers / 100).ToString(CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var sql in new[]
        {
            "CREATE TEMP TABLE new_players ON COMMIT DROP AS SELECT id FROM players WHERE false",
            "CREATE TEMP TABLE new_sessions ON COMMIT DROP AS SELECT id, player_id, seed FROM game_sessions WHERE false",
            $"""
            WITH made AS (
              INSERT INTO players (telegram_user_id, first_name, language_code, created_at, last_seen_at)
              SELECT coalesce((SELECT max(telegram_user_id) FROM players), 7000000000) + g, 'Spieler ' || g, 'de', {at}, {at}
              FROM generate_series(1, {players}) g RETURNING id)
            INSERT INTO new_players SELECT id FROM made
            """,
            $"""
            WITH p AS (SELECT array_agg(id ORDER BY id) AS ids FROM new_players),
            made AS (
              INSERT INTO game_sessions (id, player_id, mode, state, seed, question_count, score, correct_count, best_streak, started_at, last_activity_at, finished_at)
              SELECT gen_random_uuid(), p.ids[1 + g % cardinality(p.ids)], 'quick', 'finished', g, 10, 0, 0, 0, {at}, {at}, {at}
              FROM p, generate_series(1, {games}) g RETURNING id, player_id, seed)
            INSERT INTO new_sessions SELECT * FROM made
            """,
            """
            INSERT INTO session_questions (session_id, ordinal, question_id, option_order, correct_position)
            SELECT s.id, o, q.ids[1 + ((s.seed * 7919 + o * 104729) % cardinality(q.ids))], ARRAY[0,1,2,3]::smallint[], 0
            FROM new_sessions s CROSS JOIN generate_series(0, 9) o CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM questions) q
            """,
            // Per question a correct rate between 10 and 95 % (from its id), 5 % time-outs with the full limit, times 1–19 s.
            $"""
            INSERT INTO answer_events (session_id, ordinal, player_id, question_id, chosen_position, is_correct, points, answer_ms, created_at)
            SELECT a.session_id, a.ordinal, a.player_id, a.question_id,
                   CASE WHEN a.timeout THEN NULL WHEN a.correct THEN 0 ELSE 1 END::smallint,
                   a.correct AND NOT a.timeout, CASE WHEN a.correct AND NOT a.timeout THEN 100 ELSE 0 END,
                   CASE WHEN a.timeout THEN 20000 ELSE 1000 + (random() * 18000)::int END, {at}
            FROM (SELECT sq.session_id, sq.ordinal, s.player_id, sq.question_id, random() < 0.05 AS timeout,
                         random() * 100 < 10 + abs(hashtext(sq.question_id)) % 86 AS correct
                  FROM session_questions sq JOIN new_sessions s ON s.id = sq.session_id) a
            """,
        })
        {
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 1200 };
            await command.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE answer_events; ANALYZE question_stats", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
