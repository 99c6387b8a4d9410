using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core.Tournaments;

/// <summary>A tournament as the console lists it; <see cref="RewardTiers"/> null: it pays the defaults.</summary>
public sealed record TournamentRow(
    Guid Id, string Title, TournamentState State, TournamentEntryFee EntryFee, int QuestionCount,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Entrants, int Ranked, string CreatedBy, IReadOnlyList<RewardTier>? RewardTiers = null);

public sealed record TournamentSaveResult(TransitionOutcome Outcome, IReadOnlyList<string> Errors, Guid? Id = null)
{
    public bool Succeeded => Errors.Count == 0 && Outcome == TransitionOutcome.Changed;
}

/// <summary>
/// The console's tournament use-cases: create (DRAFT), <c>ScheduleTournament</c> (DRAFT → SCHEDULED),
/// start and finish now, issue rewards. One context per operation; every change leaves an audit entry
/// in its own transaction. The clock in the worker does the same steps at the planned times.
/// </summary>
public sealed partial class TournamentAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, SharedSetSeeds seeds)
{
    public async Task<IReadOnlyList<TournamentRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db, db.Tournaments.OrderByDescending(t => t.StartsAt).Take(200)).ToListAsync(ct);
    }

    public async Task<TournamentRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Rows(db, db.Tournaments.Where(t => t.Id == id)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The console's rows without counting a tournament's 100,000 entries or results: the entrants are the sum of its score
    /// buckets (ADR 0019, a few hundred rows), the ranked ones the snapshot's last rank (ranks are 1…N without gaps, unique
    /// per tournament: one probe of the rank index).
    /// </summary>
    private static IQueryable<TournamentRow> Rows(QuizDbContext db, IQueryable<Tournament> tournaments) =>
        tournaments.AsNoTracking().Select(t => new TournamentRow(
            t.Id, t.Title, t.State, t.EntryFee, t.QuestionCount, t.StartsAt, t.EndsAt,
            db.Set<TournamentRankBucket>().Where(b => b.TournamentId == t.Id).Sum(b => b.Entries),
            db.TournamentResults.Where(r => r.TournamentId == t.Id).Max(r => (int?)r.Rank) ?? 0, t.CreatedBy, t.RewardTiers));

    public async Task<TournamentSaveResult> CreateAsync(TournamentDraft draft, string operatorName, CancellationToken ct = default)
    {
        draft = draft with { Title = draft.Title.Trim() };
        var now = time.GetUtcNow();
        var problems = TournamentRules.Problems(draft, now);
        if (problems.Count > 0) return new TournamentSaveResult(TransitionOutcome.NoChange, problems);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var t = AddDraft(db, draft, operatorName, now);
        await db.SaveChangesAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], t.Id);
    }

    /// <summary>A new DRAFT on the caller's unit of work, audited: the console's "Neues Turnier" and a series' occurrence alike.</summary>
    internal static Tournament AddDraft(QuizDbContext db, TournamentDraft draft, string operatorName, DateTimeOffset now)
    {
        var t = new Tournament
        {
            Id = Guid.CreateVersion7(now), Title = draft.Title, State = TournamentState.Draft, EntryFee = draft.EntryFee,
            QuestionCount = draft.QuestionCount, StartsAt = draft.StartsAt, EndsAt = draft.EndsAt, CreatedBy = operatorName, CreatedAt = now,
            RewardTiers = draft.RewardTiers?.ToList(),
        };
        db.Tournaments.Add(t);
        AuditLog.Record(db, operatorName, AuditActions.TournamentCreated, AuditLog.Tournament(t.Id), draft.Title, now);
        return t;
    }

    /// <summary>"Planen" on a DRAFT the caller holds (locked, or just added): SCHEDULED and audited; from the commit on players can join and the clock plans its start.</summary>
    internal static void Schedule(QuizDbContext db, Tournament t, string operatorName, DateTimeOffset now)
    {
        t.State = TournamentState.Scheduled;
        AuditLog.Record(db, operatorName, AuditActions.TournamentScheduled, AuditLog.Tournament(t.Id), null, now);
    }

    /// <summary>DRAFT → SCHEDULED: players can join from now on; the clock starts it at <see cref="Tournament.StartsAt"/>.</summary>
    public async Task<TournamentSaveResult> ScheduleAsync(Guid id, string operatorName, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await TournamentLifecycle.LockAsync(db, id, ct);
        if (t is null) return new TournamentSaveResult(TransitionOutcome.NotFound, []);
        if (t.State != TournamentState.Draft) return new TournamentSaveResult(TransitionOutcome.NoChange, []);
        if (t.EndsAt <= now) return new TournamentSaveResult(TransitionOutcome.NoChange, [TournamentRules.EndPassed]);
        Schedule(db, t, operatorName, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], id);
    }

    public Task<TransitionOutcome> StartNowAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        StepAsync(lifecycle => lifecycle.StartAsync(id, operatorName, ct), ct);

    public Task<TransitionOutcome> FinishNowAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        StepAsync(lifecycle => lifecycle.FinishAsync(id, operatorName, ct), ct);

    public Task<TransitionOutcome> IssueRewardsAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        StepAsync(lifecycle => lifecycle.IssueRewardsAsync(id, operatorName, ct), ct);

    /// <summary>The ranking (live while ACTIVE, the snapshot afterwards) for the console.</summary>
    public async Task<TournamentStandings?> StandingsAsync(Guid id, int top = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await TournamentRanking.StandingsAsync(db, id, playerId: null, top, ct);
    }

    /// <summary>One lifecycle step on its own context (the console holds this service for a whole circuit).</summary>
    private async Task<TransitionOutcome> StepAsync(Func<TournamentLifecycle, Task<TransitionOutcome>> step, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await step(new TournamentLifecycle(db, time, seeds));
    }
}
