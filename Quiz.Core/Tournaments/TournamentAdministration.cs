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

    private static IQueryable<TournamentRow> Rows(QuizDbContext db, IQueryable<Tournament> tournaments) =>
        tournaments.AsNoTracking().Select(t => new TournamentRow(
            t.Id, t.Title, t.State, t.EntryFee, t.QuestionCount, t.StartsAt, t.EndsAt,
            db.TournamentEntries.Count(e => e.TournamentId == t.Id), db.TournamentResults.Count(r => r.TournamentId == t.Id), t.CreatedBy, t.RewardTiers));

    public async Task<TournamentSaveResult> CreateAsync(TournamentDraft draft, string operatorName, CancellationToken ct = default)
    {
        draft = draft with { Title = draft.Title.Trim() };
        var now = time.GetUtcNow();
        var problems = TournamentRules.Problems(draft, now);
        if (problems.Count > 0) return new TournamentSaveResult(TransitionOutcome.NoChange, problems);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = Guid.CreateVersion7(now);
        db.Tournaments.Add(new Tournament
        {
            Id = id, Title = draft.Title, State = TournamentState.Draft, EntryFee = draft.EntryFee, QuestionCount = draft.QuestionCount,
            StartsAt = draft.StartsAt, EndsAt = draft.EndsAt, CreatedBy = operatorName, CreatedAt = now,
            RewardTiers = draft.RewardTiers?.ToList(),
        });
        AuditLog.Record(db, operatorName, AuditActions.TournamentCreated, AuditLog.Tournament(id), draft.Title, now);
        await db.SaveChangesAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], id);
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
        t.State = TournamentState.Scheduled;
        AuditLog.Record(db, operatorName, AuditActions.TournamentScheduled, AuditLog.Tournament(id), null, now);
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
        return await TournamentService.StandingsAsync(db, id, playerId: null, top, time.GetUtcNow(), ct);
    }

    /// <summary>One lifecycle step on its own context (the console holds this service for a whole circuit).</summary>
    private async Task<TransitionOutcome> StepAsync(Func<TournamentLifecycle, Task<TransitionOutcome>> step, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await step(new TournamentLifecycle(db, time, seeds));
    }
}
