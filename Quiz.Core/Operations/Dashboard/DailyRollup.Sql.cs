using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Game;

namespace Quiz.Core.Operations.Dashboard;

public sealed partial class DailyRollup
{
    private static readonly string[] Modes = [.. Enum.GetValues<GameMode>().Select(EnumColumns.ToColumn)];

    /// <summary>
    /// One day in one round trip: every figure read through an index on its time column (answers, players, purchases,
    /// refunds, entries, sessions), the retention only once its window is over, each row upserted by its day.
    /// </summary>
    private static Task ComputeAsync(QuizDbContext db, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var start = BerlinDay.StartOf(day);
        var end = BerlinDay.StartOf(day.AddDays(1));
        var retentionEnd = BerlinDay.StartOf(day.AddDays(RetentionDays + 1));
        var retentionOver = retentionEnd <= now;
        var moment = end < now ? end : now;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO daily_figures (day, active_players, new_players, retained_players, answers, correct_answers,
                                       stars_gross, stars_refunded, premium_active, tournament_entrants, computed_at)
            SELECT {day}, a.active, n.created,
                   CASE WHEN {retentionOver} THEN (
                       SELECT count(*)::int FROM players p
                       WHERE p.created_at >= {start} AND p.created_at < {end}
                         AND EXISTS (SELECT 1 FROM answer_events e
                                     WHERE e.player_id = p.id AND e.created_at >= {end} AND e.created_at < {retentionEnd}))
                   END,
                   a.answers, a.correct,
                   (SELECT coalesce(sum(amount_stars), 0) FROM purchases WHERE created_at >= {start} AND created_at < {end}),
                   (SELECT coalesce(sum(amount_stars), 0) FROM purchases WHERE refunded_at >= {start} AND refunded_at < {end}),
                   (SELECT count(DISTINCT player_id)::int FROM purchases
                    WHERE is_recurring AND status <> 'flagged' AND created_at < {moment} AND subscription_expires_at > {moment}
                      AND (refunded_at IS NULL OR refunded_at > {moment})),
                   (SELECT count(*)::int FROM tournament_entries WHERE joined_at >= {start} AND joined_at < {end}),
                   {now}
            FROM (SELECT count(DISTINCT player_id)::int AS active, count(*)::int AS answers, count(*) FILTER (WHERE is_correct)::int AS correct
                  FROM answer_events WHERE created_at >= {start} AND created_at < {end}) a,
                 (SELECT count(*)::int AS created FROM players WHERE created_at >= {start} AND created_at < {end}) n
            ON CONFLICT (day) DO UPDATE SET
                active_players = excluded.active_players, new_players = excluded.new_players, retained_players = excluded.retained_players,
                answers = excluded.answers, correct_answers = excluded.correct_answers, stars_gross = excluded.stars_gross,
                stars_refunded = excluded.stars_refunded, premium_active = excluded.premium_active,
                tournament_entrants = excluded.tournament_entrants, computed_at = excluded.computed_at;

            INSERT INTO daily_mode_games (day, mode, games)
            SELECT {day}, m.mode, count(s.id)::int
            FROM unnest({Modes}::text[]) AS m(mode)
            LEFT JOIN game_sessions s ON s.mode = m.mode AND s.started_at >= {start} AND s.started_at < {end}
            GROUP BY m.mode
            ON CONFLICT (day, mode) DO UPDATE SET games = excluded.games;
            """, ct);
    }
}
