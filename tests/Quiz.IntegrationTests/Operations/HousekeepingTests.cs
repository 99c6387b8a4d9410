using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

public sealed class HousekeepingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_forgets_update_ids_older_than_the_redelivery_horizon_only_and_is_idempotent()
    {
        await using (var db = database.CreateContext())
        {
            await db.ProcessedUpdates.ExecuteDeleteAsync();
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { UpdateId = 1, ReceivedAt = Now.AddHours(-49) },
                new ProcessedUpdate { UpdateId = 2, ReceivedAt = Now.AddHours(-47) });
            await db.SaveChangesAsync();
        }
        await using var core = database.Core(new FakeTimeProvider(Now));

        await using (var run = core.Scope())
        {
            Assert.Equal(new HousekeepingResult(1), await run.Get<Housekeeping>().RunAsync());
        }
        await using var again = core.Scope();
        Assert.Equal(new HousekeepingResult(0), await again.Get<Housekeeping>().RunAsync());
        Assert.Equal([2L], await again.Db.ProcessedUpdates.Select(u => u.UpdateId).ToListAsync());
    }
}
