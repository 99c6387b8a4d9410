using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;
using Quiz.Core.Game;

namespace Quiz.Core.AntiCheat;

/// <summary>
/// The inline FastAnswers signal. At answer time it only compares the answer time with the reading time of what was shown
/// and counts on the locked session (no query); once a game holds <see cref="AntiCheatOptions.FastAnswersPerGame"/> fast
/// answers, each further fast answer raises or updates the game's flag after the commit, with the game's answers as evidence.
/// </summary>
public sealed class FastAnswerWatch(
    IDbContextFactory<QuizDbContext> contexts, CheatFlags flags, IOptionsMonitor<AntiCheatOptions> options, ILogger<FastAnswerWatch> logger) : IAnswerWatch
{
    public const int MaxListed = 50;

    private sealed class AnswerRow
    {
        public int Ordinal { get; init; }
        public string QuestionId { get; init; } = "";
        public int AnswerMs { get; init; }
        public bool IsCorrect { get; init; }
        public int Characters { get; init; }
    }

    public static string Subject(Guid sessionId) => $"game:{sessionId:N}";

    public bool Recording(AnswerSeen seen)
    {
        if (seen.Answer.ChosenPosition is null) return false;
        var settings = options.CurrentValue;
        if (seen.Answer.AnswerMs >= ReadingTime.ThresholdMs(ReadingTime.Characters(seen.QuestionText, seen.OptionsShown), settings)) return false;
        seen.Session.FastAnswers++;
        return seen.Session.FastAnswers >= settings.FastAnswersPerGame;
    }

    public async Task RecordedAsync(AnswerSeen seen, CancellationToken ct)
    {
        try
        {
            var (score, evidence) = await EvidenceAsync(seen.Session.Id, ct);
            await flags.RaiseAsync(seen.Session.PlayerId, FlagKind.FastAnswers, Subject(seen.Session.Id), score, evidence, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer is recorded and stands; the next fast answer of the game raises the flag again.
            logger.LogWarning(ex, "Could not raise the fast-answer flag of session {SessionId}", seen.Session.Id);
        }
    }

    private async Task<(int Score, string Evidence)> EvidenceAsync(Guid sessionId, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Characters as shown: the question and the options the 50:50 joker left (positions are display positions).
        var rows = await db.Database.SqlQuery<AnswerRow>($"""
            SELECT a.ordinal, a.question_id, a.answer_ms, a.is_correct,
                   (length(q.text) + (SELECT coalesce(sum(length(q.options[sq.option_order[p + 1] + 1])), 0)
                                     FROM generate_series(0, 3) AS p
                                     WHERE NOT coalesce(p::smallint = ANY (sq.removed_positions), false)))::int AS characters
            FROM answer_events a
            JOIN session_questions sq ON sq.session_id = a.session_id AND sq.ordinal = a.ordinal
            JOIN questions q ON q.id = a.question_id
            WHERE a.session_id = {sessionId} AND a.chosen_position IS NOT NULL
            ORDER BY a.ordinal
            """).ToListAsync(ct);
        var answers = rows.Select(r => (Row: r, ThresholdMs: ReadingTime.ThresholdMs(r.Characters, settings))).ToList();
        var fast = answers.Count(a => a.Row.AnswerMs < a.ThresholdMs);
        var correct = answers.Count(a => a.Row.IsCorrect);
        var score = Math.Min(100, 40 + (60 * fast / Math.Max(1, answers.Count)));
        var evidence = JsonSerializer.Serialize(new
        {
            summary = $"{fast} von {answers.Count} Antworten schneller als die Lesezeit von Frage und Antworten "
                + $"({settings.ReadingCharsPerSecond} Zeichen/s + {settings.MinReactionMs} ms Reaktion); {correct} richtig.",
            session = sessionId,
            readingCharsPerSecond = settings.ReadingCharsPerSecond,
            minReactionMs = settings.MinReactionMs,
            answered = answers.Count,
            fast,
            correct,
            answers = answers.Take(MaxListed).Select(a => new
            {
                ordinal = a.Row.Ordinal,
                question = a.Row.QuestionId,
                characters = a.Row.Characters,
                thresholdMs = a.ThresholdMs,
                answerMs = a.Row.AnswerMs,
                correct = a.Row.IsCorrect,
                fast = a.Row.AnswerMs < a.ThresholdMs,
            }),
        });
        return (score, evidence);
    }
}
