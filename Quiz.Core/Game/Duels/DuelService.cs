using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Players;
using Quiz.Core.Game.Scoring;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game.Duels;

/// <summary>
/// Duels: the challenger starts one (a fresh 7-question set from a shared seed plus their session),
/// the opponent accepts by code within 48 hours and plays the same set. The duel row lock
/// serialises two players accepting at once; unique indexes back it up.
/// </summary>
public sealed class DuelService(QuizDbContext db, TimeProvider time, SharedSetSeeds seeds)
{
    private const string CodeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public async Task<DuelStart> ChallengeAsync(long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var code = RandomNumberGenerator.GetString(CodeAlphabet, Duel.CodeLength);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        var seed = seeds.Duel(code, BerlinDay.Containing(now).Day);
        var setId = await QuestionSets.GetOrCreateAsync(db, QuestionSetKind.Duel, code, seed, Duel.QuestionCount, now, ct);
        if (setId is null) return new DuelStart(DuelOutcome.NoQuestions);
        if (await GameSessions.CreateAsync(db, playerId, GameMode.Duel, null, setId, now, ct) is not { } sessionId)
        {
            return new DuelStart(DuelOutcome.TournamentInProgress);
        }
        db.Duels.Add(new Duel
        {
            Id = Guid.CreateVersion7(now),
            Code = code,
            QuestionSetId = setId.Value,
            ChallengerId = playerId,
            ChallengerSessionId = sessionId,
            State = DuelState.Open,
            CreatedAt = now,
            ExpiresAt = now + Duel.AcceptWindow,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DuelStart(DuelOutcome.Started, sessionId, code);
    }

    public async Task<DuelStart> AcceptAsync(long playerId, string code, CancellationToken ct = default)
    {
        code = code.Trim().ToLowerInvariant();
        if (code.Length != Duel.CodeLength || !code.All(char.IsAsciiLetterOrDigit)) return new DuelStart(DuelOutcome.NotFound);
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        var duel = (await db.Duels.FromSqlInterpolated($"SELECT * FROM duels WHERE code = {code} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (duel is null) return new DuelStart(DuelOutcome.NotFound);
        var challenger = await db.Players.Where(p => p.Id == duel.ChallengerId).Select(p => p.FirstName).SingleAsync(ct);
        if (duel.ChallengerId == playerId) return new DuelStart(DuelOutcome.OwnDuel, Code: duel.Code);
        if (duel.OpponentId == playerId) return new DuelStart(DuelOutcome.AlreadyAccepted, Code: duel.Code, ChallengerName: challenger);
        if (duel.OpponentId is not null) return new DuelStart(DuelOutcome.Taken, ChallengerName: challenger);
        if (duel.State != DuelState.Open || now >= duel.ExpiresAt) return new DuelStart(DuelOutcome.Expired, ChallengerName: challenger);

        if (await GameSessions.CreateAsync(db, playerId, GameMode.Duel, null, duel.QuestionSetId, now, ct) is not { } sessionId)
        {
            return new DuelStart(DuelOutcome.TournamentInProgress, ChallengerName: challenger);
        }
        duel.OpponentId = playerId;
        duel.OpponentSessionId = sessionId;
        duel.AcceptedAt = now;
        duel.State = DuelState.Accepted;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DuelStart(DuelOutcome.Started, sessionId, duel.Code, challenger);
    }

    /// <summary>The duel a session belongs to, seen from that session's player; null for other games.</summary>
    public async Task<DuelView?> GetBySessionAsync(Guid sessionId, CancellationToken ct = default)
    {
        var duel = await db.Duels.AsNoTracking()
            .SingleOrDefaultAsync(d => d.ChallengerSessionId == sessionId || d.OpponentSessionId == sessionId, ct);
        if (duel is null) return null;
        var isChallenger = duel.ChallengerSessionId == sessionId;
        var me = await SideAsync(sessionId, ct);
        var otherSession = isChallenger ? duel.OpponentSessionId : duel.ChallengerSessionId;
        (DuelSide Side, RankedResult Ranked)? other = otherSession is { } id ? await SideAsync(id, ct) : null;
        bool? won = null;
        if (me.Side.Finished && other is { Side.Finished: true })
        {
            won = ResultOrder.Standard.Compare(me.Ranked, other.Value.Ranked) < 0;
        }
        return new DuelView(duel.Id, duel.Code, duel.State, duel.ExpiresAt, isChallenger, me.Side, other?.Side) { Won = won };
    }

    private async Task<(DuelSide Side, RankedResult Ranked)> SideAsync(Guid sessionId, CancellationToken ct)
    {
        var s = await db.GameSessions.AsNoTracking().Where(g => g.Id == sessionId)
            .Select(g => new { g.PlayerId, g.Player!.FirstName, g.Score, g.CorrectCount, g.State, g.FinishedAt })
            .SingleAsync(ct);
        var totalMs = await db.AnswerEvents.Where(a => a.SessionId == sessionId).SumAsync(a => (long)a.AnswerMs, ct);
        var finished = s.State is SessionState.Finished or SessionState.Abandoned;
        return (new DuelSide(s.PlayerId, s.FirstName, s.Score, s.CorrectCount, totalMs, finished),
            new RankedResult(s.PlayerId, s.Score, s.CorrectCount, totalMs, s.FinishedAt ?? DateTimeOffset.MaxValue));
    }
}
