using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Operations;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>Two worker nodes (or an overlapping run) purging the same backlog at the same time.</summary>
public sealed class HousekeepingConcurrencyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_runs_delete_every_old_row_exactly_once_in_batches_without_errors()
    {
        const int rows = 20_000;
        await using (var db = database.CreateContext())
        {
            await HousekeepingSeed.BulkOldAsync(db, Now, rows, ageDays: 60);
        }
        await using var core = database.Core(
            new FakeTimeProvider(Now), new Dictionary<string, string?> { ["Housekeeping:BatchSize"] = "500" });

        using var start = new SemaphoreSlim(0);
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = core.Scope();
            await start.WaitAsync();
            return await scope.Get<Housekeeping>().RunAsync();
        })).ToList();
        start.Release(runs.Count);
        var results = await Task.WhenAll(runs);

        Assert.Equal(rows, results.Sum(r => r.SentOutboxDeleted));
        Assert.Equal(rows, results.Sum(r => r.ProcessedUpdatesDeleted));
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync());
        Assert.Equal(0, await check.ProcessedUpdates.CountAsync());
    }
}
