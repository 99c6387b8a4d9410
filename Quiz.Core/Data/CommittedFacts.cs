using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quiz.Core.AntiCheat;
using Quiz.Core.Game;
using Quiz.Core.Tournaments;

namespace Quiz.Core.Data;

/// <summary>
/// Records the business metrics (<see cref="CoreMetrics"/>) when the transaction that makes them true commits, and
/// never otherwise: a game, an answer, an entry or a flag the context saves is counted from its tracked row, other
/// facts are queued by the use-case with <see cref="Add"/> inside its transaction (a purchase inserted by SQL, a
/// refund). A rollback, a failed save (the unique index refusing a racing second tap) or a replayed delivery that
/// writes nothing adds nothing. Every context gets it (registered as an <see cref="IInterceptor"/>).
/// </summary>
public sealed class CommittedFacts(CoreMetrics metrics) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, Pending> States = new();

    private sealed class Pending
    {
        public List<Action<CoreMetrics>> Saving { get; } = [];
        public List<Action<CoreMetrics>> Committing { get; } = [];
    }

    /// <summary>A fact of the caller's open transaction: recorded when it commits, dropped when it does not.</summary>
    internal static void Add(QuizDbContext db, Action<CoreMetrics> fact)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A fact belongs to a transaction; begin one first.");
        States.GetOrCreateValue(db).Committing.Add(fact);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Of(eventData.Context)?.Saving.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Of(eventData.Context)?.Saving.Clear();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    // A pooled context may come back with facts of a transaction that was disposed without a commit: a new one starts clean.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Of(eventData.Context)?.Committing.Clear();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Of(eventData.Context) is not { } state) return;
        Record(state.Committing);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Of(eventData.Context)?.Committing.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Of(eventData.Context)?.Committing.Clear();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>The answer metric's result label.</summary>
    internal static string ResultOf(AnswerEvent answer) => answer.ChosenPosition is null ? "timeout" : answer.IsCorrect ? "correct" : "wrong";

    /// <summary>
    /// An answer written by plain SQL (the answer path, ADR 0014; no change tracker sees it): the caller records it right after
    /// its <c>COMMIT</c> returned, with the game's finish when the answer ended it — the same facts a save would have made.
    /// </summary>
    internal static void AnswerCommitted(CoreMetrics metrics, GameSession session, AnswerEvent answer, bool finished)
    {
        var mode = EnumColumns.ToColumn(session.Mode);
        metrics.Answered(mode, ResultOf(answer));
        if (finished) metrics.GamesFinished(mode, 1);
    }

    private static Pending? Of(DbContext? context) => context is not null && States.TryGetValue(context, out var state) ? state : null;

    /// <summary>Before the save, while the rows are still Added/Modified: what this save would make true.</summary>
    private static void Capture(DbContext? context)
    {
        if (context is null) return;
        var state = States.GetOrCreateValue(context);
        state.Saving.Clear();
        var modes = new Dictionary<Guid, string>();
        foreach (var entry in context.ChangeTracker.Entries<GameSession>())
        {
            var session = entry.Entity;
            var mode = EnumColumns.ToColumn(session.Mode);
            modes[session.Id] = mode;
            if (entry.State == EntityState.Added) state.Saving.Add(m => m.GameStarted(mode));
            var finished = entry.State == EntityState.Modified && entry.Property(s => s.State) is { IsModified: true } p
                && session.State == SessionState.Finished && p.OriginalValue != SessionState.Finished;
            if (finished) state.Saving.Add(m => m.GamesFinished(mode, 1));
        }
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            switch (entry.Entity)
            {
                case AnswerEvent answer:
                    var mode = modes.GetValueOrDefault(answer.SessionId, "unknown");
                    var result = ResultOf(answer);
                    state.Saving.Add(m => m.Answered(mode, result));
                    break;
                case TournamentEntry tournamentEntry:
                    var ticket = tournamentEntry.PaidWithTicket;
                    state.Saving.Add(m => m.Entered(ticket));
                    break;
                case CheatFlag flag:
                    var kind = EnumColumns.ToColumn(flag.Kind);
                    state.Saving.Add(m => m.FlagRaised(kind));
                    break;
            }
        }
    }

    /// <summary>Saved: inside a transaction the facts wait for its commit; without one the save was its own transaction.</summary>
    private void Saved(DbContext? context)
    {
        if (Of(context) is not { } state) return;
        if (context!.Database.CurrentTransaction is null)
        {
            Record(state.Saving);
            return;
        }
        state.Committing.AddRange(state.Saving);
        state.Saving.Clear();
    }

    private void Record(List<Action<CoreMetrics>> facts)
    {
        foreach (var fact in facts) fact(metrics);
        facts.Clear();
    }
}
