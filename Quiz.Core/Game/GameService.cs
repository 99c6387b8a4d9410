using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Core.Game;

/// <summary>
/// The game use-cases <c>StartSession</c> and <c>GetNextQuestion</c> for every mode; answers are in
/// <see cref="AnswerService"/>, duels start in <see cref="Duels.DuelService"/>. Each runs in one
/// transaction holding the player's or the session's row lock, so parallel taps and devices are
/// serialised; the database constraints stay the last line of defence.
/// </summary>
public sealed class GameService(
    QuizDbContext db, PlayAllowance allowance, TimeProvider time, IOptions<GameOptions> gameOptions, QuestionBankCache bank, CoreMetrics metrics, SharedSetSeeds seeds)
{
    private readonly GameOptions options = gameOptions.Value;

    /// <summary>Schnelles Spiel, Kategorie, Überleben or Tagesquiz (duels: <see cref="Duels.DuelService"/>).</summary>
    public async Task<StartResult> StartSessionAsync(long playerId, GameMode mode, string? categoryId = null, CancellationToken ct = default)
    {
        if (mode is GameMode.Duel or GameMode.Tournament) throw new ArgumentException($"{mode} games start through their own use-case.", nameof(mode));
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        // A redelivered start whose game was created before its handling was cut off (shutdown, a
        // failure after the commit): continue that game; no second credit, the day's attempt stays.
        if (InboundUpdate.IsResumed && await ResumableAsync(playerId, mode, categoryId, ct) is { } resumed) return new StartResult(StartOutcome.Started, resumed);
        if (mode == GameMode.Category && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
        {
            return new StartResult(StartOutcome.UnknownCategory);
        }
        var allowed = await allowance.CheckAsync(db, playerId, mode, now, ct);
        if (allowed == Allowance.QuotaExhausted) return new StartResult(StartOutcome.QuotaExhausted);

        Guid? setId = null;
        if (mode == GameMode.Daily)
        {
            var day = BerlinDay.Containing(now).Day;
            setId = await QuestionSets.GetOrCreateAsync(db, QuestionSetKind.Daily, QuestionSets.DailyKey(day), seeds.Daily(day), GameRules.QuickQuestionCount, now, ct);
            if (setId is null) return new StartResult(StartOutcome.NoQuestions);
            if (await db.GameSessions.AnyAsync(s => s.PlayerId == playerId && s.QuestionSetId == setId, ct)) return new StartResult(StartOutcome.AlreadyPlayed);
        }
        var id = await GameSessions.CreateAsync(db, playerId, mode, mode == GameMode.Category ? categoryId : null, setId, now, ct);
        if (id is null) return new StartResult(StartOutcome.TournamentInProgress);
        await allowance.ChargeAsync(db, playerId, allowed, id.Value, now, ct);
        await tx.CommitAsync(ct);
        return new StartResult(StartOutcome.Started, id.Value, allowed);
    }

    /// <summary>
    /// The next question, or the current one again while it is open (a repeated "Weiter" is
    /// harmless). An unanswered question past its limit is recorded as timed out first, so skipping
    /// is impossible. Null when the session is over or not the player's.
    /// </summary>
    public async Task<QuestionView?> GetNextQuestionAsync(Guid sessionId, long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await GameSessions.LockAsync(db, sessionId, ct);
        if (session is null || session.PlayerId != playerId || !GameSession.IsOpen(session.State) || now >= session.PlayUntil) return null;

        var current = await db.SessionQuestions.Where(q => q.SessionId == sessionId).OrderByDescending(q => q.Ordinal).FirstOrDefaultAsync(ct);
        if (current is not null && !await db.AnswerEvents.AnyAsync(a => a.SessionId == sessionId && a.Ordinal == current.Ordinal, ct))
        {
            if (now <= current.DeadlineAt) return await ViewAsync(session, current, ct);
            var progress = await SessionProgress.RecordAsync(db, allowance, options, session, current, null, now, ct);
            if (progress.Finished)
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return null;
            }
        }
        var ordinal = current is null ? 0 : current.Ordinal + 1;
        var next = await ChooseAsync(session, ordinal, ct);
        if (next is null)
        {
            // The set or the bank has nothing left: the game ends with what was played.
            await SessionProgress.FinishAsync(db, session, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        NextQuestion.Ask(session, next, now, options);
        db.SessionQuestions.Add(next);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(session, next, ct);
    }

    /// <summary>
    /// The question's message went out (directly or from the outbox): remember it, so the worker can reveal the
    /// answer in it, and start the answer clock now. Picking the question set a provisional clock; a question that
    /// waited for the send budget loses none of its time. The clock only moves forward and never once answered.
    /// </summary>
    public Task MarkSentAsync(Guid sessionId, int ordinal, long messageId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var deadline = now + options.AnswerLimit;
        return db.SessionQuestions.Where(q => q.SessionId == sessionId && q.Ordinal == ordinal)
            .ExecuteUpdateAsync(set => set
                .SetProperty(q => q.MessageId, messageId)
                .SetProperty(q => q.SentAt, q => q.DeadlineAt < deadline
                    && !db.AnswerEvents.Any(a => a.SessionId == q.SessionId && a.Ordinal == q.Ordinal) ? (DateTimeOffset?)now : q.SentAt)
                .SetProperty(q => q.DeadlineAt, q => q.DeadlineAt < deadline
                    && !db.AnswerEvents.Any(a => a.SessionId == q.SessionId && a.Ordinal == q.Ordinal) ? (DateTimeOffset?)deadline : q.DeadlineAt), ct);
    }

    /// <summary>A question already asked in this session, as the player saw it (for editing the message).</summary>
    public async Task<QuestionView?> GetAskedQuestionAsync(Guid sessionId, int ordinal, CancellationToken ct = default)
    {
        var session = await db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        var asked = await db.SessionQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.SessionId == sessionId && q.Ordinal == ordinal, ct);
        return session is null || asked is null ? null : await ViewAsync(session, asked, ct);
    }

    /// <summary>An asked question with its answer, for revealing it after a timeout.</summary>
    public async Task<QuestionReveal?> GetRevealAsync(Guid sessionId, int ordinal, CancellationToken ct = default)
    {
        var session = await db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        var asked = await db.SessionQuestions.AsNoTracking().Include(q => q.Question).SingleOrDefaultAsync(q => q.SessionId == sessionId && q.Ordinal == ordinal, ct);
        if (session is null || asked is null) return null;
        var reveal = new QuestionReveal(await ViewAsync(session, asked, ct), asked.QuestionId, asked.CorrectPosition, asked.Question!.Explanation, asked.MessageId, session.State);
        return GameRules.RevealsAnswersWhilePlaying(session.Mode) ? reveal : reveal with { CorrectPosition = -1, Explanation = "", AnswerHidden = true };
    }

    /// <summary>Categories with active questions, for the Kategorie choice.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PlayableCategoriesAsync(CancellationToken ct = default) =>
        (await db.Categories.AsNoTracking()
            .Where(c => db.Questions.Any(q => q.CategoryId == c.Id && q.Status == Questions.QuestionStatus.Active))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        .Select(c => (c.Id, c.Name)).ToList();

    private Task<Guid?> ResumableAsync(long playerId, GameMode mode, string? categoryId, CancellationToken ct) =>
        GameSessions.OpenOf(db, playerId).Where(s => s.Mode == mode && s.CategoryId == (mode == GameMode.Category ? categoryId : null))
            .OrderByDescending(s => s.StartedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    public Task<GameSession?> GetSessionAsync(Guid sessionId, CancellationToken ct = default) =>
        db.GameSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);

    private async Task<SessionQuestion?> ChooseAsync(GameSession session, int ordinal, CancellationToken ct)
    {
        if (session.QuestionCount is { } count && ordinal >= count) return null;
        if (session.QuestionSetId is { } setId)
        {
            var item = await db.QuestionSetItems.AsNoTracking().SingleOrDefaultAsync(i => i.SetId == setId && i.Ordinal == ordinal, ct);
            return item is null ? null : NextQuestion.FromSet(session, ordinal, item, seeds);
        }
        var game = (await db.SessionQuestions.Where(q => q.SessionId == session.Id).OrderBy(q => q.Ordinal)
            .Select(q => new { q.QuestionId, q.CorrectPosition, q.Question!.PatternKey }).ToListAsync(ct))
            .Select(q => new HistoryEntry(q.QuestionId, q.CorrectPosition, q.PatternKey)).ToList();
        var pick = await NextQuestion.FromBankAsync(session, ordinal, bank, game, await QuestionBank.HistoryAsync(db, session.PlayerId, ct), ct);
        if (pick is not { } picked) return null;
        metrics.SelectionRelaxed(picked.Relaxed);
        return picked.Question;
    }

    private async Task<QuestionView> ViewAsync(GameSession session, SessionQuestion asked, CancellationToken ct)
    {
        var jokers = GameRules.AllowsJoker(session.Mode) && asked.RemovedPositions is null
            ? await Economy.Wallet.UsesAsync(db, session.PlayerId, Economy.AssetKind.Joker, ct)
            : 0;
        return NextQuestion.View(session, asked, await bank.ContentAsync(asked.QuestionId, ct), jokers);
    }
}
