using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

/// <summary>
/// The game use-cases <c>StartSession</c> and <c>GetNextQuestion</c>; answers are in
/// <see cref="AnswerService"/>. Each runs in one transaction holding the player's or the
/// session's row lock, so parallel taps and devices are serialised; the database constraints
/// stay the last line of defence.
/// </summary>
public sealed class GameService(QuizDbContext db, PlayAllowance allowance, TimeProvider time)
{
    public const int HistoryWindow = 300;

    public async Task<StartResult> StartSessionAsync(long playerId, GameMode mode, string? categoryId = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM players WHERE id = {playerId} FOR UPDATE", ct);
        if (mode == GameMode.Category && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
        {
            return new StartResult(StartOutcome.UnknownCategory);
        }
        if (await allowance.CheckAsync(db, playerId, mode, now, ct) == Allowance.QuotaExhausted)
        {
            return new StartResult(StartOutcome.QuotaExhausted);
        }

        // A new game ends the player's previous open one.
        await db.GameSessions
            .Where(s => s.PlayerId == playerId && (s.State == SessionState.Active || s.State == SessionState.Paused))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, SessionState.Abandoned).SetProperty(s => s.FinishedAt, now), ct);

        var id = Guid.CreateVersion7(now);
        db.GameSessions.Add(new GameSession
        {
            Id = id,
            PlayerId = playerId,
            Mode = mode,
            State = SessionState.Active,
            CategoryId = mode == GameMode.Category ? categoryId : null,
            Seed = SelectionSeed.For(playerId, id, BerlinDay.Containing(now).Day),
            QuestionCount = GameRules.QuestionCount(mode),
            StartedAt = now,
            LastActivityAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new StartResult(StartOutcome.Started, id);
    }

    /// <summary>
    /// The next question, or the current one again while it is open (a repeated "Weiter" is
    /// harmless); null when the session is over or not the player's.
    /// </summary>
    public async Task<QuestionView?> GetNextQuestionAsync(Guid sessionId, long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await LockSessionAsync(db, sessionId, ct);
        if (session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State)) return null;

        var current = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (current is not null && now <= current.DeadlineAt
            && !await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == current.Ordinal, ct))
        {
            return await ViewAsync(session, current, ct);
        }
        var ordinal = current is null ? 0 : current.Ordinal + 1;
        if (session.QuestionCount is { } count && ordinal >= count) return null;

        var pick = QuestionSelector.Next(await BankAsync(session, ct), await HistoryAsync(playerId, ct), SelectionRules.Default, SelectionSeed.Rng(session.Seed, ordinal));
        if (pick is null) return null;
        var next = new SessionQuestion
        {
            SessionId = sessionId,
            Ordinal = ordinal,
            QuestionId = pick.QuestionId,
            OptionOrder = pick.OptionOrder,
            CorrectPosition = pick.CorrectPosition,
            SentAt = now,
            DeadlineAt = now + GameRules.AnswerLimit,
        };
        db.SessionQuestions.Add(next);
        session.State = SessionState.Active;
        session.LastActivityAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(session, next, ct);
    }

    /// <summary>A question already asked in this session, as the player saw it (for editing the message).</summary>
    public async Task<QuestionView?> GetAskedQuestionAsync(Guid sessionId, int ordinal, CancellationToken ct = default)
    {
        var session = await db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        var asked = await db.SessionQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.SessionId == sessionId && q.Ordinal == ordinal, ct);
        return session is null || asked is null ? null : await ViewAsync(session, asked, ct);
    }

    public Task<GameSession?> GetSessionAsync(Guid sessionId, CancellationToken ct = default) =>
        db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);

    internal static async Task<GameSession?> LockSessionAsync(QuizDbContext db, Guid sessionId, CancellationToken ct) =>
        (await db.GameSessions.FromSqlInterpolated($"SELECT * FROM game_sessions WHERE id = {sessionId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    private async Task<List<Candidate>> BankAsync(GameSession session, CancellationToken ct) =>
        await db.Questions.AsNoTracking()
            .Where(q => q.Status == Questions.QuestionStatus.Active && (session.CategoryId == null || q.CategoryId == session.CategoryId))
            .OrderBy(q => q.Id)
            .Select(q => new Candidate(q.Id, q.PatternKey, q.CorrectOption))
            .ToListAsync(ct);

    private async Task<List<HistoryEntry>> HistoryAsync(long playerId, CancellationToken ct)
    {
        var recent = await db.SessionQuestions.AsNoTracking()
            .Where(q => db.GameSessions.Any(s => s.Id == q.SessionId && s.PlayerId == playerId) && q.SentAt != null)
            .OrderByDescending(q => q.SentAt).Take(HistoryWindow)
            .Select(q => new { q.QuestionId, q.CorrectPosition, q.Question!.PatternKey })
            .ToListAsync(ct);
        recent.Reverse();
        return recent.Select(q => new HistoryEntry(q.QuestionId, q.CorrectPosition, q.PatternKey)).ToList();
    }

    private async Task<QuestionView> ViewAsync(GameSession session, SessionQuestion asked, CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking().Include(q => q.Category).SingleAsync(q => q.Id == asked.QuestionId, ct);
        var options = asked.OptionOrder.Select(i => question.Options[i]).ToList();
        return new QuestionView(session.Id, asked.Ordinal, session.QuestionCount, question.Category!.Name, question.Text, options, asked.DeadlineAt!.Value);
    }
}
