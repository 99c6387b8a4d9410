using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quiz.Core.Data;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;

namespace Quiz.Core.Game;

public sealed record TimeoutRun(int Revealed, int Ended, int DuelsExpired);

/// <summary>
/// The game clock, run by the worker every few seconds: a question left unanswered past its limit
/// (plus a grace period, so a late tap still arrives first and is judged "zu spät") is recorded as
/// timed out, the game pauses and the bot reveals the answer with "Weiter ▶️"; a game idle for
/// <see cref="GameOptions.IdleLimit"/> ends with its result; unaccepted duels expire. Each change
/// runs in its own transaction under the row lock and re-checks, so several worker nodes and a
/// player tapping at the same moment never double-count; notices go through the outbox with
/// idempotency keys.
/// </summary>
public sealed partial class SessionTimeouts(
    IDbContextFactory<QuizDbContext> contexts, PlayAllowance allowance, TimeProvider time, IOptions<GameOptions> gameOptions, CoreMetrics metrics,
    ILogger<SessionTimeouts> logger)
{
    private const int Batch = 200;
    private readonly GameOptions options = gameOptions.Value;

    public async Task<TimeoutRun> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<Guid> overdue, idle;
        List<Guid> duels;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var horizon = now - options.RevealGrace;
            overdue = await db.GameSessions
                .Where(s => s.State == SessionState.Active)
                .Where(s => db.SessionQuestions.Any(q => q.SessionId == s.Id && q.DeadlineAt < horizon
                    && !db.SessionQuestions.Any(n => n.SessionId == s.Id && n.Ordinal > q.Ordinal)
                    && !db.AnswerEvents.Any(a => a.SessionId == s.Id && a.Ordinal == q.Ordinal)))
                .Select(s => s.Id).Take(Batch).ToListAsync(ct);
            var idleHorizon = now - options.IdleLimit;
            idle = await db.GameSessions
                .Where(s => (s.State == SessionState.Active || s.State == SessionState.Paused) && s.LastActivityAt < idleHorizon)
                .Select(s => s.Id).Take(Batch).ToListAsync(ct);
            duels = await db.Duels.Where(d => d.State == DuelState.Open && d.ExpiresAt <= now).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        }

        var revealed = 0;
        foreach (var id in overdue.Except(idle)) revealed += await RevealAsync(id, now, ct) ? 1 : 0;
        var ended = 0;
        foreach (var id in idle) ended += await EndIdleAsync(id, now, ct) ? 1 : 0;
        var expired = 0;
        foreach (var id in duels) expired += await ExpireDuelAsync(id, now, ct) ? 1 : 0;
        metrics.TimeoutRevealed(revealed);
        metrics.IdleEnded(ended);
        if (revealed + ended + expired > 0) LogRun(revealed, ended, expired);
        return new TimeoutRun(revealed, ended, expired);
    }

    private async Task<bool> RevealAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (session is not { State: SessionState.Active }) return false;
        var current = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (current is null || current.DeadlineAt >= now - options.RevealGrace
            || await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == current.Ordinal, ct))
        {
            return false;
        }
        var progress = await SessionProgress.RecordAsync(db, allowance, options, session, current, null, now, ct);
        if (!progress.Finished) session.State = SessionState.Paused;
        var chat = await ChatAsync(db, session.PlayerId, ct);
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(GameNotices.QuestionTimedOut, sessionId, current.Ordinal), now,
            idempotencyKey: $"timeout:{sessionId:N}:{current.Ordinal}");
        if (progress.Finished) EnqueueEnded(db, chat, sessionId, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<bool> EndIdleAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (session is null || !GameSession.IsOpen(session.State) || session.LastActivityAt >= now - options.IdleLimit) return false;
        var current = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (current is not null && !await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == current.Ordinal, ct))
        {
            await SessionProgress.RecordAsync(db, allowance, options, session, current, null, now, ct);
        }
        if (session.State != SessionState.Finished) await SessionProgress.FinishAsync(db, session, now, ct);
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, await ChatAsync(db, session.PlayerId, ct), new NoticePayload(GameNotices.GameIdleEnded, sessionId), now,
            idempotencyKey: $"ended:{sessionId:N}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<bool> ExpireDuelAsync(Guid duelId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var duel = (await db.Duels.FromSqlInterpolated($"SELECT * FROM duels WHERE id = {duelId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (duel is not { State: DuelState.Open } || duel.ExpiresAt > now) return false;
        duel.State = DuelState.Expired;
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, await ChatAsync(db, duel.ChallengerId, ct),
            new NoticePayload(GameNotices.DuelExpired, duel.ChallengerSessionId, SubjectId: duel.Id), now, idempotencyKey: $"duel-expired:{duel.Id:N}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static void EnqueueEnded(QuizDbContext db, long chat, Guid sessionId, DateTimeOffset now) =>
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(GameNotices.GameEnded, sessionId), now, idempotencyKey: $"ended:{sessionId:N}");

    private static Task<long> ChatAsync(QuizDbContext db, long playerId, CancellationToken ct) =>
        db.Players.Where(p => p.Id == playerId).Select(p => p.TelegramUserId).SingleAsync(ct);

    [LoggerMessage(LogLevel.Information, "Game clock: {Revealed} answer(s) revealed, {Ended} idle game(s) ended, {Expired} duel(s) expired")]
    private partial void LogRun(int revealed, int ended, int expired);
}
