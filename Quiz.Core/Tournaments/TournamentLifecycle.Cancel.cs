using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Game;
using static Quiz.Core.Tournaments.TournamentCancelSql;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

public sealed partial class TournamentLifecycle
{
    /// <summary>Entry tickets given back per batch transaction.</summary>
    internal int ReturnBatch { get; init; } = 2_000;

    /// <summary>
    /// SCHEDULED or ACTIVE → CANCELLED (ADR 0016), in the manner of the reward step: the first transaction, under the
    /// tournament's row lock, changes the state (compare-and-set: the finish and a second cancel find nothing to do) and
    /// ends the open attempts, so no entry or answer counts from then on; then batches in player order give every entry
    /// ticket back (ledger key unique per tournament and player); the last writes one notice per entrant in one statement
    /// and marks the cancel complete. A killed caller leaves it CANCELLED but incomplete: the next cancel or the clock
    /// continues, and a batch run twice returns nothing twice.
    /// </summary>
    /// <returns>Changed for the caller that cancelled it; NoChange when it was not SCHEDULED or ACTIVE (an incomplete cancel is completed anyway).</returns>
    public async Task<TransitionOutcome> CancelAsync(Guid id, string operatorName, CancellationToken ct = default)
    {
        var outcome = await BeginCancelAsync(id, operatorName, ct);
        if (outcome == TransitionOutcome.NotFound) return outcome;
        await CompleteCancelAsync(id, ct);
        return outcome;
    }

    /// <summary>Continues a cancel a killed caller left incomplete (the clock); true when this call completed it.</summary>
    public Task<bool> CompleteCancelAsync(Guid id, CancellationToken ct = default) => ReturnAndNotifyAsync(id, ct);

    internal async Task<TransitionOutcome> BeginCancelAsync(Guid id, string operatorName, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is null) return TransitionOutcome.NotFound;
        if (t.State is not (TournamentState.Scheduled or TournamentState.Active)) return TransitionOutcome.NoChange;

        // Attempts still open end now (an answer being recorded is waited for); an answer after this finds the game over.
        var ended = await db.GameSessions
            .Where(s => (s.State == SessionState.Active || s.State == SessionState.Paused)
                && db.TournamentEntries.Any(e => e.TournamentId == id && e.SessionId == s.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, SessionState.Abandoned).SetProperty(s => s.FinishedAt, now), ct);
        var entrants = await db.TournamentEntries.CountAsync(e => e.TournamentId == id, ct);
        var tickets = await db.TournamentEntries.CountAsync(e => e.TournamentId == id && e.PaidWithTicket, ct);
        t.State = TournamentState.Cancelled;
        t.CancelledAt = now;
        AuditLog.Record(db, operatorName, AuditActions.TournamentCancelled, AuditLog.Tournament(id),
            $"{entrants} Teilnehmer, {GermanCount.Of(tickets, "Ticket", "Tickets")} zurück, {GermanCount.Of(ended, "offener Versuch", "offene Versuche")} beendet", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TransitionOutcome.Changed;
    }

    private async Task<bool> ReturnAndNotifyAsync(Guid id, CancellationToken ct)
    {
        var after = 0L;
        while (await ReturnNextBatchAsync(id, after, ct) is { } last) after = last;

        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is not { State: TournamentState.Cancelled, CancelCompletedAt: null }) return false;
        await ExecuteAsync(db, CancelNotices, [Uuid(id), Time(now), Text($"tournament-cancel:{id:N}:")], ct);
        t.CancelCompletedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Gives back the tickets of the next players after <paramref name="after"/>; the last player id, or null when none is left.</summary>
    private async Task<long?> ReturnNextBatchAsync(Guid id, long after, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await LockAsync(db, id, ct);
        if (t is not { State: TournamentState.Cancelled, CancelCompletedAt: null }) return null;
        long[] players = [.. await db.TournamentEntries.AsNoTracking()
            .Where(e => e.TournamentId == id && e.PaidWithTicket && e.PlayerId > after)
            .OrderBy(e => e.PlayerId).Select(e => e.PlayerId).Take(ReturnBatch).ToListAsync(ct)];
        if (players.Length == 0) return null;
        await ExecuteAsync(db, EnsureTickets, [Longs(players), Time(now)], ct);
        await ExecuteAsync(db, LockTickets, [Longs(players)], ct);
        await ExecuteAsync(db, ReturnTickets, [Longs(players), Time(now), Text($"tournament-return:{id:N}:")], ct);
        await tx.CommitAsync(ct);
        return players[^1];
    }

    /// <summary>The ledger key of the ticket given back to <paramref name="playerId"/> when the tournament was cancelled.</summary>
    public static string ReturnKey(Guid tournamentId, long playerId) => $"tournament-return:{tournamentId:N}:{playerId}";
}
