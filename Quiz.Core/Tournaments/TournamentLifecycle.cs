using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The use-cases <c>StartTournament</c>, <c>FinishTournament</c> and issuing rewards (scheduling is in
/// <see cref="TournamentAdministration"/>). Each runs in one transaction holding the tournament's row
/// lock and changes the state only from the one it expects (compare-and-set): a second caller —
/// another worker node, the clock after the console, a retried job — finds nothing to do. A crash
/// rolls the whole step back and the clock repeats it.
/// </summary>
public sealed partial class TournamentLifecycle(QuizDbContext db, TimeProvider time, SharedSetSeeds seeds)
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
        await db.SaveChangesAsync(ct);
        // Started after its end (workers were down, or no questions until then): nobody can play, the result follows.
        // Otherwise every entrant is told in one statement (ADR 0015).
        if (now < t.EndsAt)
        {
            await RawSql.ExecuteAsync(db, TournamentBulkSql.StartNotices,
                [RawSql.Uuid(id), RawSql.Time(now), RawSql.Text($"tournament-start:{id:N}:")], ct);
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

        // The snapshot in one statement from the entries' standings, which the triggers brought up to date with the update above.
        await TournamentRanking.SnapshotAsync(db, id, TournamentRewards.Of(t.RewardTiers), ct);
        t.State = TournamentState.Finished;
        t.FinishedAt = now;
        if (operatorName is not null) AuditLog.Record(db, operatorName, AuditActions.TournamentFinished, AuditLog.Tournament(id), null, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    /// <summary>
    /// The clock (worker, every few seconds, on any node): starts what is due, finishes what has
    /// ended, rewards what finished, completes a cancel a killed caller left — and so also repairs
    /// steps a crashed or paused node missed.
    /// </summary>
    public async Task<int> AdvanceDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Tournaments.AsNoTracking()
            .Where(t => (t.State == TournamentState.Scheduled && t.StartsAt <= now)
                || (t.State == TournamentState.Active && t.EndsAt <= now)
                || t.State == TournamentState.Finished
                || (t.State == TournamentState.Cancelled && t.CancelCompletedAt == null))
            .OrderBy(t => t.StartsAt).Select(t => new { t.Id, t.State }).Take(50).ToListAsync(ct);
        var changed = 0;
        foreach (var t in due)
        {
            db.ChangeTracker.Clear();
            var outcome = t.State switch
            {
                TournamentState.Scheduled => await StartAsync(t.Id, ct: ct),
                TournamentState.Active => await FinishAsync(t.Id, ct: ct),
                TournamentState.Cancelled => await CompleteCancelAsync(t.Id, ct) ? TransitionOutcome.Changed : TransitionOutcome.NoChange,
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
}
