using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>Tournament use-cases from Core's registrations on the test database, each call in its own scope (own context) like the real hosts.</summary>
public sealed class TournamentKit(PostgresDatabase database, CoreServices core, FakeTimeProvider time)
{
    public const string Operator = "Olga Operator";

    public TournamentAdministration Admin() => core.Get<TournamentAdministration>();

    /// <summary>A scheduled tournament starting in an hour and running for two.</summary>
    public async Task<Guid> ScheduledAsync(TournamentEntryFee fee = TournamentEntryFee.Ticket, int questions = 5, string title = "Freitagsturnier")
    {
        var now = time.GetUtcNow();
        var created = await Admin().CreateAsync(new TournamentDraft(title, now.AddHours(1), now.AddHours(3), fee, questions), Operator);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        Assert.True((await Admin().ScheduleAsync(created.Id!.Value, Operator)).Succeeded);
        return created.Id.Value;
    }

    public async Task<JoinResult> JoinAsync(long player, Guid id)
    {
        await using var scope = core.Scope();
        return await scope.Get<TournamentService>().JoinAsync(player, id);
    }

    public async Task<PlayResult> PlayAsync(long player, Guid id)
    {
        await using var scope = core.Scope();
        return await scope.Get<TournamentService>().PlayAsync(player, id);
    }

    public async Task<TournamentStandings?> StandingsAsync(Guid id, long player)
    {
        await using var scope = core.Scope();
        return await scope.Get<TournamentService>().StandingsAsync(id, player);
    }

    /// <summary>One clock tick (the database is shared by the class's tests, so callers check their own tournament's state).</summary>
    public async Task ClockAsync()
    {
        await using var scope = core.Scope();
        await scope.Get<TournamentLifecycle>().AdvanceDueAsync();
    }

    public async Task<TransitionOutcome> RewardAsync(Guid id)
    {
        await using var scope = core.Scope();
        return await scope.Get<TournamentLifecycle>().IssueRewardsAsync(id);
    }

    public async Task GrantTicketsAsync(long player, int amount)
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await Wallet.GrantAsync(db, player, AssetKind.TournamentTicket, amount, LedgerReason.Adjustment, $"test-ticket:{Guid.NewGuid():N}", null, time.GetUtcNow(), default);
        await tx.CommitAsync();
    }

    public async Task<Tournament> LoadAsync(Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Tournaments.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public async Task<int> HeldAsync(long player, AssetKind kind)
    {
        await using var db = database.CreateContext();
        var held = await db.Entitlements.Where(e => e.PlayerId == player && e.Kind == kind).Select(e => e.Uses).SingleOrDefaultAsync();
        Assert.Equal(await db.LedgerEntries.Where(l => l.PlayerId == player && l.Kind == kind).SumAsync(l => l.Delta), held);
        return held;
    }

    public async Task<List<string>> NoticeKeysAsync(Guid id, string topic)
    {
        await using var db = database.CreateContext();
        var prefix = topic == TournamentNotices.Started ? $"tournament-start:{id:N}:" : $"tournament-result:{id:N}:";
        return await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Notice && m.IdempotencyKey!.StartsWith(prefix))
            .OrderBy(m => m.IdempotencyKey).Select(m => m.IdempotencyKey!).ToListAsync();
    }

    /// <summary>The cancel notices written for <paramref name="id"/> (one per entrant not banned).</summary>
    public async Task<List<OutboxMessage>> CancelNoticesAsync(Guid id)
    {
        await using var db = database.CreateContext();
        var prefix = $"tournament-cancel:{id:N}:";
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Notice && m.IdempotencyKey!.StartsWith(prefix)).ToListAsync();
    }

    public QuizDbContext Context() => database.CreateContext();
}
