using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Messaging;

public sealed class UpdateClaimsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ClaimAsync_one_update_delivered_concurrently_is_claimed_once()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return claims.ClaimAsync(900_001);
        })));

        Assert.Equal(1, results.Count(r => r == UpdateClaim.Claimed));
        Assert.Equal(7, results.Count(r => r == UpdateClaim.InProgress));
    }

    [Fact]
    public async Task ClaimAsync_after_completion_reports_already_handled_even_after_a_restart()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_002));
        await claims.CompleteAsync(900_002);

        await using var restart = database.Core(time);
        var restarted = restart.Get<UpdateClaims>();
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(UpdateClaim.AlreadyHandled, await restarted.ClaimAsync(900_002));
    }

    [Fact]
    public async Task ReleaseAsync_lets_the_redelivery_be_handled()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_003));

        await claims.ReleaseAsync(900_003);

        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_003));
    }

    [Fact]
    public async Task ClaimAsync_takes_over_a_claim_abandoned_by_a_crashed_replica()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_004));
        Assert.Equal(UpdateClaim.InProgress, await claims.ClaimAsync(900_004));

        time.Advance(UpdateClaims.Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_004));
    }

    [Fact]
    public async Task A_handler_transaction_marks_the_claim_in_itself_and_a_rolled_back_one_does_not()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_005));
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_006));

        await HandleAsync(core, 900_005, commit: false);
        await HandleAsync(core, 900_006, commit: true);
        await claims.ReleaseAsync(900_005);
        await claims.ReleaseAsync(900_006);

        // Nothing committed: a first delivery again. Effects committed: resumed at once, not after the lease.
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_005));
        Assert.Equal(UpdateClaim.Resume, await claims.ClaimAsync(900_006));
        Assert.Equal(UpdateClaim.InProgress, await claims.ClaimAsync(900_006));
    }

    [Fact]
    public async Task A_claim_with_committed_effects_left_by_a_crashed_replica_is_resumed_after_the_lease()
    {
        await using var core = database.Core(time);
        var claims = core.Get<UpdateClaims>();
        Assert.Equal(UpdateClaim.Claimed, await claims.ClaimAsync(900_007));
        await HandleAsync(core, 900_007, commit: true);

        Assert.Equal(UpdateClaim.InProgress, await claims.ClaimAsync(900_007));
        time.Advance(UpdateClaims.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(UpdateClaim.Resume, await claims.ClaimAsync(900_007));
        await claims.CompleteAsync(900_007);
        Assert.Equal(UpdateClaim.AlreadyHandled, await claims.ClaimAsync(900_007));
    }

    /// <summary>A handler's transaction for <paramref name="updateId"/> that commits or rolls back.</summary>
    private static async Task HandleAsync(CoreServices core, long updateId, bool commit)
    {
        using var handling = InboundUpdate.Begin(updateId, resumed: false);
        await using var scope = core.Scope();
        await using var tx = await scope.Db.Database.BeginTransactionAsync();
        if (commit) await tx.CommitAsync();
        else await tx.RollbackAsync();
    }
}
