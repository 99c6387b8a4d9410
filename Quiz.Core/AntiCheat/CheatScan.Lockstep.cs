using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.AntiCheat;

public sealed partial class CheatScan
{
    public const int MaxPairsPerRun = 500;

    /// <summary>
    /// A pair becomes a candidate with this many matching answers among one run's new answers (a single coincidence is common in a
    /// crowd and would make every run count thousands of pairs); a set's answers arrive within minutes, so a real pair has them.
    /// </summary>
    public const int CandidateMatches = 2;

    private sealed class PairRow
    {
        public Guid SetId { get; init; }
        public string SetKind { get; init; } = "";
        public string SetKey { get; init; } = "";
        public long PlayerA { get; init; }
        public long PlayerB { get; init; }
        public int Shared { get; init; }
        public int Matches { get; init; }
        public int WrongMatches { get; init; }
        public int ALeads { get; init; }
        public double MeanGapMs { get; init; }
        public string Details { get; init; } = "[]";
    }

    /// <summary>
    /// Lockstep: pairs of accounts in one shared set (Tagesquiz, duel, tournament) that chose the same option — by its identity, as
    /// each player has their own option order — within <see cref="AntiCheatOptions.LockstepMaxGapMs"/> of each other, on at least
    /// <see cref="AntiCheatOptions.LockstepMinMatches"/> questions and <see cref="AntiCheatOptions.LockstepMinSharePercent"/> of the
    /// questions both answered. Candidates come from the new answers through the (question, time) index (at least
    /// <see cref="CandidateMatches"/> of them); each candidate pair is then
    /// counted over the whole set. Both accounts are flagged, each naming the other.
    /// </summary>
    private async Task<int> LockstepAsync(QuizDbContext db, Range range, AntiCheatOptions settings, CancellationToken ct)
    {
        var gap = TimeSpan.FromMilliseconds(settings.LockstepMaxGapMs);
        var rows = await db.Database.SqlQuery<PairRow>($"""
            WITH fresh AS (
                SELECT a.player_id, a.question_id, a.created_at, s.question_set_id AS set_id, sq.option_order[a.chosen_position + 1] AS option
                FROM answer_events a
                JOIN game_sessions s ON s.id = a.session_id
                JOIN session_questions sq ON sq.session_id = a.session_id AND sq.ordinal = a.ordinal
                WHERE a.id > {range.From} AND a.id <= {range.To} AND a.chosen_position IS NOT NULL AND s.question_set_id IS NOT NULL),
            candidates AS (
                SELECT f.set_id, least(f.player_id, o.player_id) AS a, greatest(f.player_id, o.player_id) AS b
                FROM fresh f
                JOIN answer_events o ON o.question_id = f.question_id AND o.created_at BETWEEN f.created_at - {gap} AND f.created_at + {gap}
                    AND o.player_id <> f.player_id AND o.chosen_position IS NOT NULL
                JOIN game_sessions os ON os.id = o.session_id AND os.question_set_id = f.set_id
                JOIN session_questions osq ON osq.session_id = o.session_id AND osq.ordinal = o.ordinal
                WHERE osq.option_order[o.chosen_position + 1] = f.option
                GROUP BY 1, 2, 3
                HAVING count(DISTINCT f.question_id) >= {CandidateMatches}
                LIMIT {MaxPairsPerRun * 20}),
            pairs AS (
                SELECT c.set_id, c.a, c.b, x.question_id, x.ordinal, xq.option_order[x.chosen_position + 1] AS xo, yq.option_order[y.chosen_position + 1] AS yo,
                       x.is_correct AS x_correct, (extract(epoch FROM y.created_at - x.created_at) * 1000)::int AS gap_ms
                FROM candidates c
                JOIN game_sessions sa ON sa.question_set_id = c.set_id AND sa.player_id = c.a
                JOIN game_sessions sb ON sb.question_set_id = c.set_id AND sb.player_id = c.b
                JOIN answer_events x ON x.session_id = sa.id AND x.chosen_position IS NOT NULL
                JOIN session_questions xq ON xq.session_id = x.session_id AND xq.ordinal = x.ordinal
                JOIN answer_events y ON y.session_id = sb.id AND y.question_id = x.question_id AND y.chosen_position IS NOT NULL
                JOIN session_questions yq ON yq.session_id = y.session_id AND yq.ordinal = y.ordinal),
            counted AS (
                SELECT set_id, a, b, count(*)::int AS shared,
                       count(*) FILTER (WHERE xo = yo AND abs(gap_ms) <= {settings.LockstepMaxGapMs})::int AS matches,
                       count(*) FILTER (WHERE xo = yo AND abs(gap_ms) <= {settings.LockstepMaxGapMs} AND NOT x_correct)::int AS wrong_matches,
                       count(*) FILTER (WHERE xo = yo AND abs(gap_ms) <= {settings.LockstepMaxGapMs} AND gap_ms > 0)::int AS a_leads,
                       coalesce(avg(abs(gap_ms)) FILTER (WHERE xo = yo AND abs(gap_ms) <= {settings.LockstepMaxGapMs}), 0)::float8 AS mean_gap_ms
                FROM pairs GROUP BY set_id, a, b),
            flagged AS (
                SELECT * FROM counted
                WHERE matches >= {settings.LockstepMinMatches} AND matches * 100 >= {settings.LockstepMinSharePercent} * shared
                ORDER BY matches DESC LIMIT {MaxPairsPerRun})
            SELECT f.set_id, qs.kind AS set_kind, qs.key AS set_key, f.a AS player_a, f.b AS player_b, f.shared, f.matches, f.wrong_matches, f.a_leads,
                   f.mean_gap_ms,
                   (SELECT json_agg(json_build_object('ordinal', p.ordinal, 'question', p.question_id, 'sameOption', p.xo = p.yo, 'correct', p.x_correct, 'gapMs', p.gap_ms)
                                    ORDER BY p.ordinal)::text
                    FROM pairs p WHERE p.set_id = f.set_id AND p.a = f.a AND p.b = f.b) AS details
            FROM flagged f JOIN question_sets qs ON qs.id = f.set_id
            """).ToListAsync(ct);
        foreach (var row in rows)
        {
            // Copying costs a few seconds: the one who answers first is the source, the other the copy.
            var share = 100.0 * row.Matches / row.Shared;
            var score = Math.Min(100, Scaled(row.Matches - settings.LockstepMinMatches, 6, 55, 20) + Math.Min(25, 5 * row.WrongMatches));
            foreach (var (player, partner) in new[] { (row.PlayerA, row.PlayerB), (row.PlayerB, row.PlayerA) })
            {
                var evidence = JsonSerializer.Serialize(new
                {
                    summary = $"Im selben Fragensatz ({row.SetKind} {row.SetKey}) {row.Matches} von {row.Shared} Antworten gleich wie Spieler {partner} "
                        + $"und höchstens {settings.LockstepMaxGapMs / 1000.0:F1} s auseinander (im Mittel {row.MeanGapMs / 1000:F1} s); "
                        + $"{row.WrongMatches} davon gleich falsch. Zuerst geantwortet: "
                        + (row.ALeads * 2 >= row.Matches == (player == row.PlayerA) ? "meist dieser Spieler." : "meist der Partner."),
                    partner,
                    set = row.SetId,
                    setKind = row.SetKind,
                    setKey = row.SetKey,
                    shared = row.Shared,
                    matches = row.Matches,
                    sharePercent = Math.Round(share, 1),
                    wrongMatches = row.WrongMatches,
                    meanGapMs = Math.Round(row.MeanGapMs),
                    maxGapMs = settings.LockstepMaxGapMs,
                    gapSign = $"gapMs = Zeit von {row.PlayerB} minus Zeit von {row.PlayerA}",
                    answers = JsonDocument.Parse(row.Details).RootElement,
                });
                await flags.RaiseAsync(player, FlagKind.Lockstep, LockstepSubject(row.SetId, partner), score, evidence, ct);
            }
        }
        return rows.Count * 2;
    }

    public static string LockstepSubject(Guid setId, long partner) => $"set:{setId:N}:partner:{partner}";
}
