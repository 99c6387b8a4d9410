using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.AntiCheat;

public sealed partial class CheatScan
{
    private sealed class SteadyRow
    {
        public long PlayerId { get; init; }
        public int Answers { get; init; }
        public int Correct { get; init; }
        public double MeanMs { get; init; }
        public double SdMs { get; init; }
        public DateTimeOffset FirstAt { get; init; }
        public DateTimeOffset LastAt { get; init; }
        public int[] Times { get; init; } = [];
    }

    /// <summary>
    /// SteadyPerfect: for every player with new answers, their latest <see cref="AntiCheatOptions.SteadyWindow"/> answers (timeouts
    /// left out): at least <see cref="AntiCheatOptions.SteadyMinAnswers"/>, at least the accuracy and at most the coefficient of variation.
    /// One flag per player and Berlin day of the last answer.
    /// </summary>
    private async Task<int> SteadyPerfectAsync(QuizDbContext db, Range range, AntiCheatOptions settings, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<SteadyRow>($"""
            WITH players AS (
                SELECT DISTINCT player_id FROM answer_events WHERE id > {range.From} AND id <= {range.To} AND chosen_position IS NOT NULL)
            SELECT p.player_id, count(*)::int AS answers, count(*) FILTER (WHERE w.is_correct)::int AS correct,
                   avg(w.answer_ms)::float8 AS mean_ms, stddev_pop(w.answer_ms)::float8 AS sd_ms,
                   min(w.created_at) AS first_at, max(w.created_at) AS last_at, array_agg(w.answer_ms ORDER BY w.created_at) AS times
            FROM players p
            CROSS JOIN LATERAL (
                SELECT a.is_correct, a.answer_ms, a.created_at FROM answer_events a
                WHERE a.player_id = p.player_id AND a.chosen_position IS NOT NULL AND a.id <= {range.To}
                ORDER BY a.created_at DESC LIMIT {settings.SteadyWindow}) w
            GROUP BY p.player_id
            HAVING count(*) >= {settings.SteadyMinAnswers}
               AND count(*) FILTER (WHERE w.is_correct) * 100 >= {settings.SteadyMinAccuracyPercent} * count(*)
               AND stddev_pop(w.answer_ms) * 100 <= {settings.SteadyMaxVariationPercent} * avg(w.answer_ms)
            """).ToListAsync(ct);
        foreach (var row in rows)
        {
            var accuracy = 100.0 * row.Correct / row.Answers;
            var variation = row.MeanMs > 0 ? 100.0 * row.SdMs / row.MeanMs : 0;
            var score = Math.Min(
                Scaled(settings.SteadyMaxVariationPercent - variation, settings.SteadyMaxVariationPercent, 55, 30)
                + Scaled(accuracy - settings.SteadyMinAccuracyPercent, 100 - settings.SteadyMinAccuracyPercent, 0, 15), 100);
            var evidence = JsonSerializer.Serialize(new
            {
                summary = $"{row.Correct} von {row.Answers} richtig ({accuracy:F0} %) bei fast gleichen Antwortzeiten: "
                    + $"Mittel {row.MeanMs / 1000:F1} s, Variationskoeffizient {variation:F1} % (Schwellen: ≥ {settings.SteadyMinAccuracyPercent} %, ≤ {settings.SteadyMaxVariationPercent} %).",
                answers = row.Answers,
                correct = row.Correct,
                accuracyPercent = Math.Round(accuracy, 1),
                meanMs = Math.Round(row.MeanMs),
                standardDeviationMs = Math.Round(row.SdMs),
                variationPercent = Math.Round(variation, 1),
                minAnswers = settings.SteadyMinAnswers,
                minAccuracyPercent = settings.SteadyMinAccuracyPercent,
                maxVariationPercent = settings.SteadyMaxVariationPercent,
                from = row.FirstAt,
                until = row.LastAt,
                answerTimesMs = row.Times,
            });
            await flags.RaiseAsync(row.PlayerId, FlagKind.SteadyPerfect, $"day:{BerlinDay.Containing(row.LastAt).Day:yyyy-MM-dd}", score, evidence, ct);
        }
        return rows.Count;
    }
}
