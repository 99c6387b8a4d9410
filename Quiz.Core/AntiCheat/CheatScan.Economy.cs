using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.AntiCheat;

public sealed partial class CheatScan
{
    private sealed class ClusterRow
    {
        public long PlayerId { get; init; }
        public int Accounts { get; init; }
        public DateTimeOffset LastAt { get; init; }
        public string Details { get; init; } = "[]";
    }

    private sealed class RefundRow
    {
        public long PlayerId { get; init; }
        public int Refunds { get; init; }
        public int UsedRefunds { get; init; }
        public DateTimeOffset LastAt { get; init; }
        public string Details { get; init; } = "[]";
    }

    private sealed class Until
    {
        public DateTimeOffset? Last { get; init; }
    }

    /// <summary>
    /// FreshCluster: a player who, within <see cref="AntiCheatOptions.FreshClusterDays"/>, beat at least
    /// <see cref="AntiCheatOptions.FreshClusterMinAccounts"/> different accounts in duels that were younger than
    /// <see cref="AntiCheatOptions.FreshAccountHours"/> then — accounts made to feed a duel chain. Looks at the winners of the duels
    /// completed since the last run.
    /// </summary>
    private async Task<(int Raised, DateTimeOffset Until)> FreshClusterAsync(QuizDbContext db, DateTimeOffset? since, DateTimeOffset now, AntiCheatOptions settings, CancellationToken ct)
    {
        var from = since ?? now.AddDays(-settings.FreshClusterDays);
        var until = (await db.Database.SqlQuery<Until>($"""
            SELECT max(completed_at) AS last FROM (
                SELECT completed_at FROM duels WHERE state = 'completed' AND completed_at > {from} AND completed_at <= {now}
                ORDER BY completed_at LIMIT {MaxEventsPerRun}) t
            """).ToListAsync(ct)).Single().Last;
        if (until is null) return (0, from);
        var windowStart = now.AddDays(-settings.FreshClusterDays);
        var fresh = TimeSpan.FromHours(settings.FreshAccountHours);
        var rows = await db.Database.SqlQuery<ClusterRow>($"""
            WITH results AS (
                SELECT d.id, d.code, d.completed_at,
                       CASE WHEN cs.score > os.score THEN d.challenger_id WHEN os.score > cs.score THEN d.opponent_id END AS winner,
                       CASE WHEN cs.score > os.score THEN d.opponent_id WHEN os.score > cs.score THEN d.challenger_id END AS loser
                FROM duels d
                JOIN game_sessions cs ON cs.id = d.challenger_session_id
                JOIN game_sessions os ON os.id = d.opponent_session_id
                WHERE d.state = 'completed' AND d.completed_at > {windowStart}),
            winners AS (SELECT DISTINCT winner FROM results WHERE completed_at > {from} AND completed_at <= {until} AND winner IS NOT NULL)
            SELECT r.winner AS player_id, count(DISTINCT r.loser)::int AS accounts, max(r.completed_at) AS last_at,
                   json_agg(json_build_object('duel', r.code, 'loser', r.loser, 'loserCreatedAt', p.created_at, 'completedAt', r.completed_at)
                            ORDER BY r.completed_at)::text AS details
            FROM results r JOIN winners w ON w.winner = r.winner JOIN players p ON p.id = r.loser
            WHERE p.created_at > r.completed_at - {fresh}
            GROUP BY r.winner
            HAVING count(DISTINCT r.loser) >= {settings.FreshClusterMinAccounts}
            """).ToListAsync(ct);
        foreach (var row in rows)
        {
            var evidence = JsonSerializer.Serialize(new
            {
                summary = $"{row.Accounts} verschiedene Konten, beim Duell jünger als {settings.FreshAccountHours} h, haben in "
                    + $"{settings.FreshClusterDays} Tagen gegen diesen Spieler verloren (Schwelle {settings.FreshClusterMinAccounts}).",
                accounts = row.Accounts,
                freshAccountHours = settings.FreshAccountHours,
                days = settings.FreshClusterDays,
                duels = JsonDocument.Parse(row.Details).RootElement,
            });
            var score = Scaled(row.Accounts - settings.FreshClusterMinAccounts, settings.FreshClusterMinAccounts, 50, 40);
            await flags.RaiseAsync(row.PlayerId, FlagKind.FreshCluster, $"duels:{BerlinDay.Containing(row.LastAt).Day:yyyy-MM-dd}", score, evidence, ct);
        }
        return (rows.Count, until.Value);
    }

    /// <summary>
    /// RefundAbuse: a player with a refund requested since the last run who, within <see cref="AntiCheatOptions.RefundWindowDays"/>, had
    /// at least <see cref="AntiCheatOptions.RefundAbuseMinRefunds"/> refunds requested after using some of what the purchase granted
    /// (consumption of the granted kinds between the purchase and the request, from the ledger).
    /// </summary>
    private async Task<(int Raised, DateTimeOffset Until)> RefundAbuseAsync(QuizDbContext db, DateTimeOffset? since, DateTimeOffset now, AntiCheatOptions settings, CancellationToken ct)
    {
        var from = since ?? now.AddDays(-settings.RefundWindowDays);
        var until = (await db.Database.SqlQuery<Until>($"""
            SELECT max(refund_requested_at) AS last FROM (
                SELECT refund_requested_at FROM purchases WHERE refund_requested_at > {from} AND refund_requested_at <= {now}
                ORDER BY refund_requested_at LIMIT {MaxEventsPerRun}) t
            """).ToListAsync(ct)).Single().Last;
        if (until is null) return (0, from);
        var windowStart = now.AddDays(-settings.RefundWindowDays);
        var rows = await db.Database.SqlQuery<RefundRow>($"""
            WITH players AS (
                SELECT DISTINCT player_id FROM purchases WHERE refund_requested_at > {from} AND refund_requested_at <= {until}),
            refunds AS (
                SELECT p.player_id, p.id, p.package_id, p.amount_stars, p.created_at, p.refund_requested_at, p.status, used.kinds, coalesce(used.amount, 0)::int AS used
                FROM purchases p JOIN players USING (player_id)
                CROSS JOIN LATERAL (
                    SELECT string_agg(DISTINCT l.kind, ', ') AS kinds, sum(abs(l.delta)) AS amount FROM ledger_entries l
                    WHERE l.player_id = p.player_id AND l.reason = 'consumption' AND l.created_at >= p.created_at AND l.created_at <= p.refund_requested_at
                      AND l.kind IN (SELECT g.kind FROM ledger_entries g WHERE g.purchase_id = p.id AND g.reason = 'purchase')) used
                WHERE p.refund_requested_at > {windowStart})
            SELECT player_id, count(*)::int AS refunds, count(*) FILTER (WHERE used > 0)::int AS used_refunds, max(refund_requested_at) AS last_at,
                   json_agg(json_build_object('purchase', id, 'package', package_id, 'stars', amount_stars, 'boughtAt', created_at,
                            'refundRequestedAt', refund_requested_at, 'status', status, 'usedBefore', used, 'usedKinds', kinds) ORDER BY refund_requested_at)::text AS details
            FROM refunds GROUP BY player_id
            HAVING count(*) FILTER (WHERE used > 0) >= {settings.RefundAbuseMinRefunds}
            """).ToListAsync(ct);
        foreach (var row in rows)
        {
            var evidence = JsonSerializer.Serialize(new
            {
                summary = $"{row.UsedRefunds} von {row.Refunds} Erstattungen in {settings.RefundWindowDays} Tagen wurden verlangt, nachdem Gekauftes "
                    + $"schon benutzt war (Schwelle {settings.RefundAbuseMinRefunds}).",
                refunds = row.Refunds,
                usedRefunds = row.UsedRefunds,
                windowDays = settings.RefundWindowDays,
                purchases = JsonDocument.Parse(row.Details).RootElement,
            });
            var score = Scaled(row.UsedRefunds - settings.RefundAbuseMinRefunds, settings.RefundAbuseMinRefunds, 50, 40);
            await flags.RaiseAsync(row.PlayerId, FlagKind.RefundAbuse, $"refunds:{BerlinDay.Containing(row.LastAt).Day:yyyy-MM-dd}", score, evidence, ct);
        }
        return (rows.Count, until.Value);
    }
}
