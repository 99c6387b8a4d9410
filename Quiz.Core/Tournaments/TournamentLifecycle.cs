using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Game.Selection;
using Quiz.Core.Messaging;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The use-cases <c>StartTournament</c>, <c>FinishTournament</c> and issuing rewards (scheduling is in
/// <see cref="TournamentAdministration"/>). Each runs in one transaction holding the tournament's row
/// lock and changes the state only from the one it expects (compare-and-set): a second caller —
/// another worker node, the clock after the console, a retried job — finds nothing to do. A crash
/// rolls the whole step back and the clock repeats it.
/// </summary>
public sealed class TournamentLifecycle(QuizDbContext db, TimeProvider time, SharedSetSeeds seeds)
{
    /// <summary>SCHEDULED → ACTIVE: the shared question set is drawn, every entrant is told to play.</summary>
    /// <param name="operatorName">The console user starting it now (recorded in the audit log); null for the clock at the start time.</param>
    public async Task<TransitionOutcome> StartAsync(Guid id, string? operatorName = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        if (t.State != TournamentState.Scheduled || (operatorName is null && now < t.StartsAt)) return TransitionOutcome.NoChange;

        var seed = seeds.Tournament(id);
        var setId = await QuestionSets.GetOrCreateAsync(db, QuestionSetKind.Tournament, id.ToString("N"), seed, t.QuestionCount, now, ct);
        if (setId is null) return TransitionOutcome.NoQuestions;
        t.QuestionSetId = setId;
        t.State = TournamentState.Active;
        t.StartedAt = now;
        if (operatorName is not null) AuditLog.Record(db, operatorName, AuditActions.TournamentStarted, AuditLog.Tournament(id), null, now);
        // Started after its end (workers were down, or no questions until then): nobody can play, the result follows.
        foreach (var (playerId, chat) in now < t.EndsAt ? await EntrantChatsAsync(id, ct) : [])
        {
            OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(TournamentNotices.Started, SubjectId: id), now,
                idempotencyKey: $"tournament-start:{id:N}:{playerId}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    /// <summary>
    /// ACTIVE → FINISHED: sessions still open end with what was answered (later answers no longer
    /// count), and the ranking is written down as it stands.
    /// </summary>
    /// <param name="operatorName">The console user ending it now (recorded in the audit log); null for the clock at the end time.</param>
    public async Task<TransitionOutcome> FinishAsync(Guid id, string? operatorName = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        if (t.State != TournamentState.Active || (operatorName is null && now < t.EndsAt)) return TransitionOutcome.NoChange;

        // One statement for every attempt still open (tournament sessions have no finish side effects):
        // it waits for an answer being recorded, which then counts; an answer after this finds the game over.
        var ended = await db.GameSessions
            .Where(s => (s.State == SessionState.Active || s.State == SessionState.Paused)
                && db.TournamentEntries.Any(e => e.TournamentId == id && e.SessionId == s.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, SessionState.Finished).SetProperty(s => s.FinishedAt, now), ct);
        CommittedFacts.Add(db, m => m.GamesFinished(EnumColumns.ToColumn(GameMode.Tournament), ended));

        var ranking = await TournamentRanking.ComputeAsync(db, id, ct);
        db.TournamentResults.AddRange(ranking.Select(r => new TournamentResult
        {
            TournamentId = id, PlayerId = r.PlayerId, Rank = r.Rank, Points = r.Result.Points, CorrectAnswers = r.Result.CorrectAnswers,
            TotalAnswerMs = r.Result.TotalAnswerMs, Reward = TournamentRanking.RewardOf(r.Rank, ranking.Count, r.Result.Points),
        }));
        t.State = TournamentState.Finished;
        t.FinishedAt = now;
        if (operatorName is not null) AuditLog.Record(db, operatorName, AuditActions.TournamentFinished, AuditLog.Tournament(id), null, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    /// <summary>
    /// FINISHED → REWARDED: each ranked player gets their tier's entitlements (ledger keys unique per
    /// tournament, player and asset) and a notice with place and reward.
    /// </summary>
    /// <param name="operatorName">The console user issuing them by hand (recorded in the audit log); null for the clock.</param>
    public async Task<TransitionOutcome> IssueRewardsAsync(Guid id, string? operatorName = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        if (t.State != TournamentState.Finished) return TransitionOutcome.NoChange;

        // The tiers written into the snapshot at the finish are what is paid out — after taking out whoever was
        // banned or held out of rankings since then (the others move up); in this transaction, so it is paid once.
        if (await TournamentRanking.CorrectSnapshotAsync(db, id, ct) is > 0 and var removed)
        {
            await db.SaveChangesAsync(ct);
            AuditLog.Record(db, operatorName ?? "worker", AuditActions.TournamentRankingCorrected, AuditLog.Tournament(id),
                $"{removed} gesperrte oder zurückgestellte Spieler aus der Wertung genommen", now);
        }
        var results = await db.TournamentResults.AsNoTracking().Where(r => r.TournamentId == id && r.Reward != null).OrderBy(r => r.Rank).ToListAsync(ct);
        var grants = results.SelectMany(r => TournamentRewards.Named(r.Reward!).Items.Select(i => (r.PlayerId, i.Kind, i.Amount))).ToList();
        // Rank order differs between tournaments and from a purchase's order: lock in the wallet's one order first.
        await Wallet.LockInOrderAsync(db, grants.Select(g => (g.PlayerId, g.Kind)), now, ct);
        foreach (var (playerId, kind, amount) in grants)
        {
            await Wallet.GrantAsync(db, playerId, kind, amount, LedgerReason.Reward, RewardKey(id, playerId, kind), null, now, ct);
        }
        // Every entrant hears how it ended — with place and reward, or that they were not ranked.
        foreach (var (playerId, chat) in await EntrantChatsAsync(id, ct))
        {
            OutboxWriter.Enqueue(db, OutboxKinds.Notice, chat, new NoticePayload(TournamentNotices.Result, SubjectId: id), now,
                idempotencyKey: $"tournament-result:{id:N}:{playerId}");
        }
        t.State = TournamentState.Rewarded;
        t.RewardedAt = now;
        if (operatorName is not null) AuditLog.Record(db, operatorName, AuditActions.TournamentRewarded, AuditLog.Tournament(id), $"{results.Count} belohnt", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    /// <summary>
    /// The clock (worker, every few seconds, on any node): starts what is due, finishes what has
    /// ended, rewards what finished — and so also repairs steps a crashed or paused node missed.
    /// </summary>
    public async Task<int> AdvanceDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Tournaments.AsNoTracking()
            .Where(t => (t.State == TournamentState.Scheduled && t.StartsAt <= now)
                || (t.State == TournamentState.Active && t.EndsAt <= now)
                || t.State == TournamentState.Finished)
            .OrderBy(t => t.StartsAt).Select(t => new { t.Id, t.State }).Take(50).ToListAsync(ct);
        var changed = 0;
        foreach (var t in due)
        {
            db.ChangeTracker.Clear();
            var outcome = t.State switch
            {
                TournamentState.Scheduled => await StartAsync(t.Id, ct: ct),
                TournamentState.Active => await FinishAsync(t.Id, ct: ct),
                _ => await IssueRewardsAsync(t.Id, ct: ct),
            };
            changed += outcome == TransitionOutcome.Changed ? 1 : 0;
        }
        return changed;
    }

    /// <summary>The start and end times still ahead (for the worker's exact Quartz triggers), soonest first.</summary>
    public async Task<IReadOnlyList<PlannedStep>> UpcomingStepsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Tournaments.AsNoTracking()
            .Where(t => (t.State == TournamentState.Scheduled && t.StartsAt > now) || (t.State == TournamentState.Active && t.EndsAt > now))
            .OrderBy(t => t.State == TournamentState.Scheduled ? t.StartsAt : t.EndsAt)
            .Select(t => new { t.Id, t.State, t.StartsAt, t.EndsAt }).Take(200).ToListAsync(ct);
        return [.. rows
            .Select(t => t.State == TournamentState.Scheduled ? new PlannedStep(t.Id, TournamentStep.Start, t.StartsAt) : new PlannedStep(t.Id, TournamentStep.Finish, t.EndsAt))
            .OrderBy(p => p.At)];
    }

    /// <summary>Runs one planned step at its time: start, or finish and then issue the rewards at once.</summary>
    public async Task<TransitionOutcome> RunStepAsync(Guid id, TournamentStep step, CancellationToken ct = default)
    {
        if (step == TournamentStep.Start) return await StartAsync(id, ct: ct);
        var finished = await FinishAsync(id, ct: ct);
        db.ChangeTracker.Clear();
        await IssueRewardsAsync(id, ct: ct);
        return finished;
    }

    public static string RewardKey(Guid tournamentId, long playerId, AssetKind kind) =>
        $"tournament-reward:{tournamentId:N}:{playerId}:{EnumColumns.ToColumn(kind)}";

    internal static async Task<Tournament?> LockAsync(QuizDbContext db, Guid id, CancellationToken ct) =>
        (await db.Tournaments.FromSqlInterpolated($"SELECT * FROM tournaments WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    /// <summary>The entrants to tell about the start and the result; a banned player hears nothing more.</summary>
    private async Task<List<(long PlayerId, long Chat)>> EntrantChatsAsync(Guid id, CancellationToken ct) =>
        (await db.TournamentEntries.Where(e => e.TournamentId == id)
            .Join(db.Players.Where(p => p.BannedAt == null), e => e.PlayerId, p => p.Id, (e, p) => new { e.PlayerId, p.TelegramUserId })
            .OrderBy(x => x.PlayerId).ToListAsync(ct))
        .Select(x => (x.PlayerId, x.TelegramUserId)).ToList();
}
