using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Game.Duels;

/// <summary>
/// Completes a duel when its second side finishes. Runs in the finishing session's transaction
/// holding the duel's row lock, so of two sides finishing at once exactly one sees the other
/// finished; the player who finished first is notified through the outbox (the other sees the
/// result in their own summary).
/// </summary>
internal static class DuelCompletion
{
    public static async Task OnSessionFinishedAsync(QuizDbContext db, GameSession session, DateTimeOffset now, CancellationToken ct)
    {
        var duel = (await db.Duels
            .FromSqlInterpolated($"SELECT * FROM duels WHERE challenger_session_id = {session.Id} OR opponent_session_id = {session.Id} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();
        if (duel is not { State: DuelState.Accepted, OpponentSessionId: { } opponentSession, OpponentId: { } opponentId }) return;

        var isChallenger = duel.ChallengerSessionId == session.Id;
        var otherSession = isChallenger ? opponentSession : duel.ChallengerSessionId;
        var otherPlayer = isChallenger ? opponentId : duel.ChallengerId;
        var otherState = await db.GameSessions.Where(s => s.Id == otherSession).Select(s => s.State).SingleAsync(ct);
        if (GameSession.IsOpen(otherState)) return;

        duel.State = DuelState.Completed;
        duel.CompletedAt = now;
        // A banned player hears nothing more (their games ended with the ban).
        var chat = await db.Players.Where(p => p.Id == otherPlayer && p.BannedAt == null).Select(p => (long?)p.TelegramUserId).SingleOrDefaultAsync(ct);
        if (chat is null) return;
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(GameNotices.DuelResult, otherSession, SubjectId: duel.Id), now,
            idempotencyKey: $"duel-result:{duel.Id:N}");
    }
}
