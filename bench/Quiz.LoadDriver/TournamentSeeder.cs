using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.LoadDriver;

/// <summary>
/// Bulk SQL for a tournament of <c>entrants</c> players (ADR 0015): the players and their entries before the start,
/// then after it one attempt each with a standing as the triggers would have kept it — 3 % without an answer (not
/// ranked), 5 % still open, the rest finished; points, correct answers and answer times drawn with a fixed seed,
/// so many results tie. Seconds instead of the hours playing 100,000 attempts through the use-cases would take.
/// </summary>
internal static class TournamentSeeder
{
    /// <summary>Telegram ids of the seeded players start above this.</summary>
    public const long TelegramBase = 50_000_000;

    public static async Task<TimeSpan> EntrantsAsync(IServiceProvider core, Guid tournament, int entrants, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await RunAsync(core, $"""
            {PauseBuckets}
            INSERT INTO players (telegram_user_id, first_name, created_at, last_seen_at)
            SELECT {TelegramBase} + g, 'Spieler ' || g, now(), now() FROM generate_series(1, {entrants}) g;
            INSERT INTO tournament_entries (tournament_id, player_id, paid_with_ticket, joined_at)
            SELECT '{tournament}', p.id, false, now() FROM players p
            WHERE p.telegram_user_id > {TelegramBase} AND p.telegram_user_id <= {TelegramBase + entrants};
            {RecountBuckets(tournament)}
            """, ct);
        return watch.Elapsed;
    }

    public static async Task<TimeSpan> AttemptsAsync(IServiceProvider core, Guid tournament, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await RunAsync(core, $"""
            {PauseBuckets}
            SELECT setseed(0.42);
            CREATE TEMP TABLE seeded ON COMMIT DROP AS
            SELECT e.player_id, gen_random_uuid() AS session_id, r.u < 0.03 AS silent, r.u >= 0.03 AND r.u < 0.08 AS open,
                   floor(random() * 11)::int AS correct, floor(random() * 4)::int AS speed, (4000 + floor(random() * 60) * 1000)::bigint AS total_ms,
                   now() - make_interval(secs => floor(random() * 3600)) AS finished_at
            FROM tournament_entries e CROSS JOIN LATERAL (SELECT random() AS u OFFSET 0) r
            WHERE e.tournament_id = '{tournament}';
            INSERT INTO game_sessions (id, player_id, mode, state, seed, question_count, score, correct_count, best_streak, started_at, last_activity_at, finished_at, question_set_id, play_until)
            SELECT s.session_id, s.player_id, 'tournament', CASE WHEN s.open THEN 'active' ELSE 'finished' END, 1, 10,
                   CASE WHEN s.silent THEN 0 ELSE s.correct * (100 + 10 * s.speed) END, CASE WHEN s.silent THEN 0 ELSE s.correct END, 0,
                   now() - interval '2 hours', now(), CASE WHEN s.open THEN NULL ELSE s.finished_at END, t.question_set_id, t.ends_at
            FROM seeded s CROSS JOIN tournaments t WHERE t.id = '{tournament}';
            UPDATE tournament_entries e
            SET session_id = s.session_id, answered = NOT s.silent,
                points = CASE WHEN s.silent THEN 0 ELSE s.correct * (100 + 10 * s.speed) END, correct_answers = CASE WHEN s.silent THEN 0 ELSE s.correct END,
                total_answer_ms = CASE WHEN s.silent THEN 150000 ELSE s.total_ms END, finished_at = CASE WHEN s.open THEN NULL ELSE s.finished_at END
            FROM seeded s WHERE e.tournament_id = '{tournament}' AND e.player_id = s.player_id;
            {RecountBuckets(tournament)}
            """, ct);
        // As autovacuum would after a bulk load: statistics for the planner, the visibility map for index-only counts.
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) tournament_entries, game_sessions, players", ct);
        return watch.Elapsed;
    }

    /// <summary>
    /// The score buckets' row trigger (ADR 0019) is paused for a bulk statement over 100,000 entries — one bucket row
    /// updated 100,000 times in one transaction is quadratic — and the buckets are recounted in the same transaction,
    /// equal to what the trigger would have kept (the trigger is back on for the players who join and play live).
    /// </summary>
    private const string PauseBuckets = "ALTER TABLE tournament_entries DISABLE TRIGGER tr_tournament_entries_rank_bucket, DISABLE TRIGGER tr_tournament_entries_rank_bucket_move;";

    private static string RecountBuckets(Guid tournament) => $"""
        DELETE FROM tournament_rank_buckets WHERE tournament_id = '{tournament}';
        INSERT INTO tournament_rank_buckets (tournament_id, points, shard, entries)
        SELECT e.tournament_id, CASE WHEN e.answered THEN e.points ELSE -1 END, e.player_id % 16, count(*)
        FROM tournament_entries e WHERE e.tournament_id = '{tournament}' GROUP BY 1, 2, 3;
        ALTER TABLE tournament_entries ENABLE TRIGGER tr_tournament_entries_rank_bucket, ENABLE TRIGGER tr_tournament_entries_rank_bucket_move;
        """;

    /// <summary>Seeded players for the ranking reads (player ids).</summary>
    public static async Task<long[]> PlayerIdsAsync(IServiceProvider core, CancellationToken ct)
    {
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        return await db.Players.Where(p => p.TelegramUserId > TelegramBase).Select(p => p.Id).ToArrayAsync(ct);
    }

    private static async Task RunAsync(IServiceProvider core, string sql, CancellationToken ct)
    {
        await using var db = await core.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 600 }) await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}
